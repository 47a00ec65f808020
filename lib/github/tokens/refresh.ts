import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { refreshToken as refreshAtGitHub } from "@octokit/oauth-methods";
import { request } from "@octokit/request";
import { tokenCipher } from "../../crypto/app-cipher";
import { db } from "../../db/client";
import { getEnv } from "../../config/env";
import type { GitHubConnection } from "../../generated/sqlite/client";
import { GitHubConnectionError, GitHubUnavailableError } from "../api/errors";
import { recordConnectionEvent } from "../connection/events";
import { asGitHubFailure } from "../api/failures";
import { markExpired, markRevoked } from "./revocation";

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

export type ConnectionRow = GitHubConnection;

/** The row, or the typed error saying why it cannot be used. */
export async function readUsableConnection(userId: string): Promise<ConnectionRow> {
  return assertUsable(await db.gitHubConnection.findUnique({ where: { userId } }));
}

function assertUsable(row: ConnectionRow | null): ConnectionRow {
  if (row?.status === "revoked" || row?.status === "expired") throw new GitHubConnectionError(row.status);
  if (!row || row.status !== "connected" || !row.accessTokenCiphertext) throw new GitHubConnectionError("not_connected");
  return row;
}

/**
 * Replaces the access token `seen` holds, once across all processes. Resolves with the row holding
 * the new token — refreshed here or by whoever held the claim. `afterRejection`: GitHub just
 * answered 401 to `seen`'s unexpired token, which changes what a refused refresh token means.
 */
export async function refreshConnection(seen: ConnectionRow, { afterRejection }: { afterRejection: boolean }): Promise<ConnectionRow> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let current = seen;
  for (;;) {
    // Someone else finished a refresh since `seen` was read: use theirs.
    if (current.accessTokenCiphertext !== seen.accessTokenCiphertext) return current;
    const now = new Date();
    const claimFree = !current.refreshClaimId || !current.refreshClaimExpiresAt || current.refreshClaimExpiresAt <= now;
    if (claimFree) {
      const claimId = randomUUID();
      const { count } = await db.gitHubConnection.updateMany({
        where: { id: current.id, version: current.version, status: "connected" },
        data: { refreshClaimId: claimId, refreshClaimExpiresAt: new Date(now.getTime() + CLAIM_LEASE_MS), version: { increment: 1 } },
      });
      if (count === 1) return refreshHoldingClaim(current, claimId, afterRejection);
    }
    if (Date.now() > deadline) throw new GitHubUnavailableError("timeout");
    await sleep(POLL_MS);
    current = assertUsable(await db.gitHubConnection.findUnique({ where: { id: current.id } }));
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
async function refreshHoldingClaim(row: ConnectionRow, claimId: string, afterRejection: boolean): Promise<ConnectionRow> {
  const mine = { userId: row.userId, refreshClaimId: claimId };
  if (!row.refreshTokenCiphertext || (row.refreshTokenExpiresAt && row.refreshTokenExpiresAt <= new Date())) {
    await markExpired(mine, "refresh_token_expired");
    throw new GitHubConnectionError("expired");
  }
  const app = getEnv().githubApp;
  if (!app) throw new GitHubUnavailableError("server_error"); // a GitHub App connection without the App configured
  let refreshed: Awaited<ReturnType<typeof refreshAtGitHub>>["authentication"];
  try {
    ({ authentication: refreshed } = await refreshAtGitHub({
      clientType: "github-app",
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      refreshToken: tokenCipher().decrypt(row.refreshTokenCiphertext),
      // oauth-methods derives GitHub's web origin (where /login/oauth/access_token lives) from the API URL.
      request: request.defaults({
        baseUrl: getEnv().github.apiUrl,
        headers: { "user-agent": "Hublink" },
        request: { signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS) },
      }),
    }));
  } catch (error) {
    if (oauthErrorCode(error) === "bad_refresh_token") {
      // Before its expiry the refresh token is refused only when the grant is gone. Right after a
      // 401 on an unexpired access token both credentials were refused: that is a revocation.
      if (afterRejection) {
        await markRevoked(mine, "refresh_rejected");
        throw new GitHubConnectionError("revoked");
      }
      await markExpired(mine, "refresh_token_rejected");
      throw new GitHubConnectionError("expired");
    }
    // GitHub could not answer: keep both tokens, free the claim so the next request tries again.
    const failure = asGitHubFailure(error, false);
    const reason = failure instanceof GitHubUnavailableError ? failure.reason : "server_error";
    console.warn(`github token refresh failed (${reason}${oauthErrorCode(error) ? `, ${oauthErrorCode(error)}` : ""}); tokens kept`);
    await db.$transaction(async (tx) => {
      const { count } = await tx.gitHubConnection.updateMany({
        where: { id: row.id, refreshClaimId: claimId },
        data: { refreshClaimId: null, refreshClaimExpiresAt: null, version: { increment: 1 } },
      });
      if (count) await recordConnectionEvent(tx, { userId: row.userId, connectionId: row.id, type: "refresh_failed", detail: { reason } });
    });
    throw new GitHubUnavailableError(reason);
  }

  const cipher = tokenCipher();
  const expiresAt = refreshed.expiresAt ? new Date(refreshed.expiresAt) : null;
  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.gitHubConnection.updateMany({
      where: { id: row.id, refreshClaimId: claimId },
      data: {
        accessTokenCiphertext: cipher.encrypt(refreshed.token),
        accessTokenExpiresAt: expiresAt,
        refreshTokenCiphertext: refreshed.refreshToken ? cipher.encrypt(refreshed.refreshToken) : null,
        refreshTokenExpiresAt: refreshed.refreshTokenExpiresAt ? new Date(refreshed.refreshTokenExpiresAt) : null,
        refreshClaimId: null,
        refreshClaimExpiresAt: null,
        lastVerifiedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 1) {
      await recordConnectionEvent(tx, {
        userId: row.userId,
        connectionId: row.id,
        type: "refreshed",
        detail: { expiresAt: expiresAt?.toISOString() ?? null, tokenEnding: refreshed.token.slice(-4) },
      });
    }
    return count === 1;
  });
  // Not saved: the claim was taken over or the connection ended meanwhile. The row says what holds now.
  if (!saved) console.warn("github token refresh finished after losing its claim; the new tokens were discarded");
  return assertUsable(await db.gitHubConnection.findUnique({ where: { id: row.id } }));
}

function oauthErrorCode(error: unknown): string | undefined {
  const data = (error as { response?: { data?: unknown } }).response?.data;
  return data && typeof data === "object" && "error" in data && typeof data.error === "string" ? data.error : undefined;
}
