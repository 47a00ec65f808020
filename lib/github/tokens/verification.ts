import "server-only";
import { checkToken } from "@octokit/oauth-methods";
import { request } from "@octokit/request";
import { db } from "../../db/client";
import { getEnv } from "../../config/env";
import { GitHubConnectionError } from "../api/errors";
import type { ConnectionRow } from "./refresh";
import { markRevoked } from "./revocation";

// The proactive check: a connection nobody has verified for a day is asked about at GitHub
// (POST /applications/{client_id}/token) the next time its owner needs it, so a revocation is
// noticed even on pages that make no failing call. Connecting and every refresh count as verified.

export const VERIFY_AFTER_MS = 24 * 60 * 60_000;
const CHECK_TIMEOUT_MS = 5_000;

const checksInFlight = new Map<string, Promise<void>>();

/** Resolves when the token is fine (or GitHub could not say); throws "revoked" when GitHub no longer knows it. */
export function verifyIfStale(row: ConnectionRow, accessToken: string, now = Date.now()): Promise<void> {
  if (row.lastVerifiedAt && now - row.lastVerifiedAt.getTime() < VERIFY_AFTER_MS) return Promise.resolve();
  let pending = checksInFlight.get(row.id);
  if (!pending) {
    pending = verify(row, accessToken).finally(() => checksInFlight.delete(row.id));
    checksInFlight.set(row.id, pending);
  }
  return pending;
}

export type TokenVerdict = "valid" | "unknown_to_github" | "inconclusive";

/** Asks GitHub whether it still knows this token (POST /applications/{client_id}/token). */
export async function askGitHubAboutToken(row: Pick<ConnectionRow, "kind">, accessToken: string): Promise<TokenVerdict> {
  const env = getEnv();
  // The credentials of the app this connection was made with, whichever is configured now.
  const app = row.kind === "github_app" && env.githubApp ? env.githubApp : env.connect;
  const options = {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    token: accessToken,
    request: request.defaults({
      baseUrl: env.github.apiUrl,
      headers: { "user-agent": "Hublink" },
      request: { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) },
    }),
  };
  try {
    await (row.kind === "github_app" ? checkToken({ clientType: "github-app", ...options }) : checkToken({ clientType: "oauth-app", ...options }));
    return "valid";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return "unknown_to_github";
    // 5xx, timeout, or our app credentials refused (401): GitHub did not say.
    console.warn(`github token check inconclusive (${(error as { status?: number }).status ?? (error as Error).name})`);
    return "inconclusive";
  }
}

async function verify(row: ConnectionRow, accessToken: string): Promise<void> {
  const verdict = await askGitHubAboutToken(row, accessToken);
  if (verdict === "unknown_to_github") {
    await markRevoked({ userId: row.userId, accessTokenCiphertext: row.accessTokenCiphertext! }, "token_check_failed");
    throw new GitHubConnectionError("revoked");
  }
  if (verdict === "inconclusive") return; // not the person's problem; check next time
  await db.gitHubConnection.updateMany({
    where: { id: row.id, accessTokenCiphertext: row.accessTokenCiphertext },
    data: { lastVerifiedAt: new Date() },
  });
}
