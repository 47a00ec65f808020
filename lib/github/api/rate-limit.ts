import "server-only";

// What GitHub last said about a person's core rate limit, read from the x-ratelimit-* headers every
// answer carries (304s included), so showing it costs no request. Kept per app instance: it is a
// hint for the footer, not a ledger.

export type RateLimitSnapshot = { limit: number; remaining: number; resetAt: Date; seenAt: Date };

const latest = new Map<string, RateLimitSnapshot>();

/** Below this share of the limit the footer says when the limit resets. */
const LOW_SHARE = 0.1;

export function noteRateLimit(
  userId: string,
  headers: Record<string, string | number | undefined>,
  now = new Date(),
): void {
  if ((headers["x-ratelimit-resource"] ?? "core") !== "core") return; // search has its own, per-minute limit
  const limit = Number(headers["x-ratelimit-limit"]);
  const remaining = Number(headers["x-ratelimit-remaining"]);
  const reset = Number(headers["x-ratelimit-reset"]);
  if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset) || limit <= 0) return;
  latest.set(userId, { limit, remaining, resetAt: new Date(reset * 1000), seenAt: now });
}

export function lastRateLimit(userId: string): (RateLimitSnapshot & { low: boolean }) | null {
  const snapshot = latest.get(userId);
  if (!snapshot) return null;
  // Past the reset time the old figure says nothing about now.
  if (snapshot.resetAt.getTime() <= Date.now()) return null;
  return { ...snapshot, low: snapshot.remaining <= snapshot.limit * LOW_SHARE };
}
