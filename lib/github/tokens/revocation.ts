import "server-only";
import { endConnections, type ConnectionMatch } from "../connection/store";
import { logger } from "../../ops/logger";
import { metrics } from "../../ops/metrics";

// The two ways a stored connection stops being usable without the person asking: GitHub revoked
// it, or its refresh token is no longer accepted. Both keep the row (so /reconnect can say what
// happened and when), forget every token, and leave an event in the audit trail.

/** Why a connection was revoked; shown on /reconnect and in the history. */
export type RevocationReason =
  | "token_rejected" // GitHub answered 401 to a token that had just been refreshed or never expires
  | "refresh_rejected" // after a 401, GitHub also refused the unexpired refresh token: the grant is gone
  | "token_check_failed" // the daily POST /applications/{client_id}/token check answered 404
  | "authorization_revoked"; // github_app_authorization.revoked webhook

export type ExpiryReason = "refresh_token_rejected" | "refresh_token_expired";

type Options = Parameters<typeof endConnections>[3];

/** Marks the matching connection revoked now. Returns how many connections changed (0 or more). */
export function markRevoked(match: ConnectionMatch, reason: RevocationReason, options?: Options) {
  return endConnections(match, "revoked", reason, options).then(noted("revoked", reason));
}

/** The refresh token is no longer accepted (or past its expiry): the person must reconnect. */
export function markExpired(match: ConnectionMatch, reason: ExpiryReason, options?: Options) {
  return endConnections(match, "expired", reason, options).then(noted("expired", reason));
}

/** Logs and counts an ending that changed a row. Inside a transaction that later fails this over-counts, never under. */
function noted(status: "revoked" | "expired", reason: RevocationReason | ExpiryReason) {
  return (changed: number) => {
    if (changed > 0) {
      metrics().connectionsEnded.inc({ status, reason }, changed);
      logger().warn({ status, reason, connections: changed }, `github connection ${status}`);
    }
    return changed;
  };
}

const EXPLANATIONS: Record<RevocationReason | ExpiryReason, string> = {
  authorization_revoked:
    "GitHub told Hublink that its access was revoked, for example in your GitHub settings under Applications.",
  token_rejected: "GitHub stopped accepting Hublink's access token.",
  refresh_rejected:
    "GitHub refused both Hublink's access token and the token it renews access with: the authorization was withdrawn.",
  token_check_failed: "A routine check with GitHub found that Hublink's access token is no longer valid.",
  refresh_token_rejected: "GitHub no longer accepts the token Hublink renews its access with.",
  refresh_token_expired: "The token Hublink renews its access with reached the end of its life (about six months).",
};

/** One sentence for the person about why their connection ended, from the stored reason. */
export function explainEnding(reason: string | null): string | null {
  return reason && Object.hasOwn(EXPLANATIONS, reason) ? EXPLANATIONS[reason as keyof typeof EXPLANATIONS] : null;
}
