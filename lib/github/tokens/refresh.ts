import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { GitHubConnectionError, GitHubUnavailableError } from "../api/errors";
import { MissingAppError, oauthAppFor } from "../api/oauth-app";
import { OAuthError, refreshUserToken, TokenEndpointUnavailableError, type GitHubTokens } from "../api/token-endpoint";
import {
  claimRefresh,
  findConnection,
  findConnectionById,
  refreshTokenOf,
  releaseRefreshClaim,
  saveRefreshedPair,
  type StoredConnection,
} from "../connection/store";
import { markExpired, markRevoked } from "./revocation";
import { logger } from "../../ops/logger";
import { metrics } from "../../ops/metrics";
import { isEnded } from "../connection/status";

// Refreshing a GitHub App user token exactly once per expiry across every app process sharing the
// database. GitHub rotates refresh tokens: of two refreshes with the same refresh token one fails,
// and the loser must not conclude the connection is dead. So a process first *claims* the refresh
// in the database (a conditional update on `version` that only one writer can win), and only the
// claim holder talks to GitHub; everyone else waits and rereads the row.

/** A claim whose holder died (crash, deploy) is free again after this. */
const CLAIM_LEASE_MS = 10_000;
/** Shorter than the lease, so a live holder never outlasts its claim and races a successor. */
const REFRESH_TIMEOUT_MS = 8_000;
const POLL_MS = 50;
const WAIT_LIMIT_MS = CLAIM_LEASE_MS + REFRESH_TIMEOUT_MS;

/** The connection, or the typed error saying why it cannot be used. */
export async function readUsableConnection(userId: string): Promise<StoredConnection> {
  return assertUsable(await findConnection(userId));
}

function assertUsable(connection: StoredConnection | null): StoredConnection {
  if (connection && isEnded(connection.status)) throw new GitHubConnectionError(connection.status);
  if (!connection || connection.status !== "connected" || !connection.accessTokenCiphertext) {
    throw new GitHubConnectionError("not_connected");
  }
  return connection;
}

/**
 * Replaces the access token `seen` holds, once across all processes. Resolves with the connection
 * holding the new token — refreshed here or by whoever held the claim. `afterRejection`: GitHub
 * just answered 401 to `seen`'s unexpired token, which changes what a refused refresh token means.
 */
export async function refreshConnection(
  seen: StoredConnection,
  { afterRejection }: { afterRejection: boolean },
): Promise<StoredConnection> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let current = seen;
  for (;;) {
    // Someone else finished a refresh since `seen` was read: use theirs.
    if (current.accessTokenCiphertext !== seen.accessTokenCiphertext) return current;
    const now = new Date();
    const claimFree = !current.refreshClaimId || !current.refreshClaimExpiresAt || current.refreshClaimExpiresAt <= now;
    if (claimFree) {
      const claimId = await claimRefresh(current, CLAIM_LEASE_MS, now);
      if (claimId) return refreshHoldingClaim(current, claimId, afterRejection);
    }
    if (Date.now() > deadline) throw new GitHubUnavailableError("timeout");
    await sleep(POLL_MS);
    current = assertUsable(await findConnectionById(current.id));
  }
}

/*
 * Crash ordering. The refresh token leaves the database only while this process holds the claim,
 * and GitHub's answer (new access + refresh token) is written encrypted in the same transaction
 * that releases the claim, conditional on still holding it. So:
 * - crash before GitHub answers: the refresh token may or may not have been used; the lease runs
 *   out, the next claimant tries the stored one — it works, or GitHub refuses it and the connection
 *   is marked expired (one extra reconnect);
 * - crash after GitHub answered, before the commit: the stored refresh token is already used and
 *   the new pair is lost — same outcome, one extra reconnect;
 * - never: a half-written pair, an older pair overwriting a newer one (the write needs our claim),
 *   or "connected" with tokens GitHub did not issue. The worst case is visible, never silent.
 */
async function refreshHoldingClaim(
  seen: StoredConnection,
  claimId: string,
  afterRejection: boolean,
): Promise<StoredConnection> {
  const mine = { userId: seen.userId, refreshClaimId: claimId };
  if (!seen.refreshTokenCiphertext || (seen.refreshTokenExpiresAt && seen.refreshTokenExpiresAt <= new Date())) {
    await markExpired(mine, "refresh_token_expired");
    throw new GitHubConnectionError("expired");
  }
  let refreshed: GitHubTokens;
  try {
    refreshed = await refreshUserToken(oauthAppFor(seen.kind), refreshTokenOf(seen)!, {
      timeoutMs: REFRESH_TIMEOUT_MS,
    });
  } catch (error) {
    // Only the token endpoint's verdict says the refresh token is dead: GitHub's 200 with
    // "bad_refresh_token", or an RFC 6749 server's 400/401 "invalid_grant" (read as the same code).
    if (error instanceof OAuthError && error.code === "bad_refresh_token") {
      // Before its expiry the refresh token is refused only when the grant is gone. Right after a
      // 401 on an unexpired access token both credentials were refused: that is a revocation.
      metrics().refreshFailures.inc({ reason: "bad_refresh_token" });
      if (afterRejection) {
        await markRevoked(mine, "refresh_rejected");
        throw new GitHubConnectionError("revoked");
      }
      await markExpired(mine, "refresh_token_rejected");
      throw new GitHubConnectionError("expired");
    }
    // GitHub could not answer, or refused our app's credentials (an operator's problem, not the
    // person's): keep both tokens, free the claim so the next request tries again.
    const reason = error instanceof TokenEndpointUnavailableError ? error.reason : "server_error";
    const detail =
      error instanceof OAuthError
        ? `, ${error.code}`
        : error instanceof MissingAppError
          ? ", no GitHub App configured"
          : "";
    metrics().refreshFailures.inc({ reason });
    logger().warn({ connectionId: seen.id, reason }, `github token refresh failed (${reason}${detail}); tokens kept`);
    await releaseRefreshClaim(seen, claimId, reason);
    if (!(
      error instanceof TokenEndpointUnavailableError ||
      error instanceof OAuthError ||
      error instanceof MissingAppError
    ))
      throw error;
    throw new GitHubUnavailableError(reason);
  }

  const saved = await saveRefreshedPair(seen, claimId, refreshed);
  // Not saved: the claim was taken over or the connection ended meanwhile. The row says what holds now.
  if (saved) {
    metrics().refreshes.inc();
    logger().info({ connectionId: seen.id }, "github token refreshed");
  } else {
    logger().warn(
      { connectionId: seen.id },
      "github token refresh finished after losing its claim; the new tokens were discarded",
    );
  }
  return assertUsable(await findConnectionById(seen.id));
}
