import "server-only";
import { RequestError } from "@octokit/request-error";
import { GitHubConnectionError, GitHubUnavailableError } from "./errors";

// Turns what Octokit throws into what a page can act on. Only "GitHub cannot answer now" becomes
// GitHubUnavailableError; a 404 stays itself (the page decides it is notFound()), and the
// connection's own errors pass through untouched for the revocation flow.

export function responseHeadersOf(error: unknown): Record<string, string | number | undefined> | undefined {
  return error instanceof RequestError ? error.response?.headers : undefined;
}

/** What GitHub asks after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

const isTimeout = (error: unknown) => error instanceof Error && error.name === "TimeoutError";

/**
 * Milliseconds Retry-After asks to wait, or NaN when it is absent or unreadable. GitHub sends
 * seconds; HTTP also allows a date (RFC 9110 §10.2.3), which a proxy in front of GitHub Enterprise
 * Server or a GitHub-compatible server may send.
 */
function retryAfterMs(value: string | number | undefined, now: number): number {
  const text = String(value ?? "").trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with the day's name; Date.parse alone takes "-5" for a date.
  const date = /^(mon|tue|wed|thu|fri|sat|sun)/i.test(text) ? Date.parse(text) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - now) : NaN;
}

export function asGitHubFailure(error: unknown, timedOut: boolean, now = Date.now()): unknown {
  if (error instanceof GitHubConnectionError || error instanceof GitHubUnavailableError) return error;
  if (timedOut || isTimeout(error) || (error instanceof Error && isTimeout(error.cause))) {
    return new GitHubUnavailableError("timeout");
  }
  if (!(error instanceof RequestError)) return error;
  const status = error.status;
  const headers = error.response?.headers ?? {};
  if (status === 403 || status === 429) {
    const retryAfter = retryAfterMs(headers["retry-after"], now);
    const reset = Number(headers["x-ratelimit-reset"]);
    const usedUp = headers["x-ratelimit-remaining"] === "0";
    // A 429 is "Too Many Requests" whoever sends it (GitHub, or a proxy with an HTML page); a 403
    // is a limit only when its headers or message say so.
    const limited = status === 429 || usedUp || Number.isFinite(retryAfter) || /rate limit/i.test(error.message);
    if (limited) {
      // GitHub's rule: wait retry-after when it is sent; else, when the primary limit is used up,
      // until x-ratelimit-reset; else (a secondary limit) at least a minute. x-ratelimit-reset
      // describes the primary limit, which may reset an hour from now.
      const retryAt = Number.isFinite(retryAfter)
        ? new Date(now + retryAfter)
        : usedUp && Number.isFinite(reset)
          ? new Date(reset * 1000)
          : new Date(now + SECONDARY_LIMIT_WAIT_MS);
      return new GitHubUnavailableError("rate_limited", retryAt);
    }
  }
  if (status >= 500) {
    // @octokit/request reports a network failure as status 500 without a response.
    return new GitHubUnavailableError(error.response ? "server_error" : "unreachable");
  }
  return error;
}
