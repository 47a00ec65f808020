import "server-only";
import type { Database } from "../../db/create-client";
import { db } from "../../db/client";
import { recordConnectionEvent } from "../connection/events";

// The two ways a stored connection stops being usable without the person asking: GitHub revoked
// it, or its refresh token is no longer accepted. Both keep the row (so /reconnect can say what
// happened and when), forget every token, and leave an event in the audit trail.

/** Why a connection was revoked; shown on /reconnect and in the history. */
export type RevocationReason =
  | "token_rejected" // GitHub answered 401 to a token that had just been refreshed or never expires
  | "refresh_rejected" // after a 401, GitHub also refused the unexpired refresh token: the grant is gone
  | "token_check_failed" // the daily POST /applications/{client_id}/token check answered 404
  | "authorization_revoked"; // github_app_authorization.revoked webhook

type Writer = Pick<Database, "gitHubConnection" | "connectionEvent" | "gitHubResponseCache">;

/** The row update that forgets every token (and any refresh claim) of a connection. */
export const FORGET_TOKENS = {
  accessTokenCiphertext: null,
  accessTokenExpiresAt: null,
  refreshTokenCiphertext: null,
  refreshTokenExpiresAt: null,
  refreshClaimId: null,
  refreshClaimExpiresAt: null,
  version: { increment: 1 },
} as const;

/**
 * Which connection to end: by user (optionally only while it still holds the access token that
 * GitHub rejected, so a reconnect that happened meanwhile is never undone) or by GitHub user id.
 */
export type ConnectionMatch =
  | { userId: string; accessTokenCiphertext?: string; refreshClaimId?: string }
  | { githubUserId: string; kind: "github_app" | "oauth_app" };

async function endConnection(
  writer: Writer,
  match: ConnectionMatch,
  status: "revoked" | "expired",
  reason: string,
  now: Date,
): Promise<number> {
  const connections = await writer.gitHubConnection.findMany({ where: { ...match, status: "connected" }, select: { id: true, userId: true } });
  let ended = 0;
  for (const connection of connections) {
    // Conditional on still being connected (and on `match`): of several requests that notice the
    // same revocation, one writes it and records the event.
    const { count } = await writer.gitHubConnection.updateMany({
      where: { ...match, id: connection.id, status: "connected" },
      data: { status, revokedAt: now, revokedReason: reason, ...FORGET_TOKENS },
    });
    if (count === 0) continue;
    ended++;
    // Cached GitHub answers may hold private data this person can no longer read here.
    await writer.gitHubResponseCache.deleteMany({ where: { userId: connection.userId } });
    await recordConnectionEvent(writer, { userId: connection.userId, connectionId: connection.id, type: status, detail: { reason } });
  }
  return ended;
}

/** Marks the matching connection revoked now. Returns how many connections changed (0 or more). */
export function markRevoked(match: ConnectionMatch, reason: RevocationReason, writer?: Writer, now = new Date()) {
  return writer ? endConnection(writer, match, "revoked", reason, now) : db.$transaction((tx) => endConnection(tx, match, "revoked", reason, now));
}

/** The refresh token is no longer accepted (or past its expiry): the person must reconnect. */
export function markExpired(match: ConnectionMatch, reason: "refresh_token_rejected" | "refresh_token_expired", now = new Date()) {
  return db.$transaction((tx) => endConnection(tx, match, "expired", reason, now));
}

const EXPLANATIONS: Record<string, string> = {
  authorization_revoked: "GitHub told Hublink that its access was revoked, for example in your GitHub settings under Applications.",
  token_rejected: "GitHub stopped accepting Hublink's access token.",
  refresh_rejected: "GitHub refused both Hublink's access token and the token it renews access with: the authorization was withdrawn.",
  token_check_failed: "A routine check with GitHub found that Hublink's access token is no longer valid.",
  refresh_token_rejected: "GitHub no longer accepts the token Hublink renews its access with.",
  refresh_token_expired: "The token Hublink renews its access with reached the end of its life (about six months).",
};

/** One sentence for the person about why their connection ended, from the stored reason. */
export function explainEnding(reason: string | null): string | null {
  return (reason && EXPLANATIONS[reason]) ?? null;
}
