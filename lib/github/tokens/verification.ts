import "server-only";
import { checkToken } from "@octokit/oauth-methods";
import { GitHubConnectionError, httpStatusOf } from "../api/errors";
import { oauthAppFor } from "../api/oauth-app";
import { markVerified, type StoredConnection } from "../connection/store";
import { markRevoked } from "./revocation";
import { logger } from "../../ops/logger";

// The proactive check: a connection nobody has verified for a day is asked about at GitHub
// (POST /applications/{client_id}/token) the next time its owner needs it, so a revocation is
// noticed even on pages that make no failing call. Connecting and every refresh count as verified.

export const VERIFY_AFTER_MS = 24 * 60 * 60_000;
const CHECK_TIMEOUT_MS = 5_000;

const checksInFlight = new Map<string, Promise<void>>();

/** Resolves when the token is fine (or GitHub could not say); throws "revoked" when GitHub no longer knows it. */
export function verifyIfStale(connection: StoredConnection, accessToken: string, now = Date.now()): Promise<void> {
  if (connection.lastVerifiedAt && now - connection.lastVerifiedAt.getTime() < VERIFY_AFTER_MS)
    return Promise.resolve();
  let pending = checksInFlight.get(connection.id);
  if (!pending) {
    pending = verify(connection, accessToken).finally(() => checksInFlight.delete(connection.id));
    checksInFlight.set(connection.id, pending);
  }
  return pending;
}

export type TokenVerdict = "valid" | "unknown_to_github" | "inconclusive";

/**
 * Asks GitHub whether it still knows this token, with the credentials of the app the connection
 * was made through. Only GitHub's 404 means "unknown token"; a 5xx, a timeout, a rate limit or our
 * own credentials refused means GitHub did not say.
 */
export async function askGitHubAboutToken(
  connection: Pick<StoredConnection, "kind">,
  accessToken: string,
): Promise<TokenVerdict> {
  try {
    const app = oauthAppFor(connection.kind, { timeoutMs: CHECK_TIMEOUT_MS });
    await checkToken({
      clientType: app.clientType,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      token: accessToken,
      request: app.request,
      // The options are one type per clientType; `app` carries a matching pair, which TypeScript cannot see.
    } as Parameters<typeof checkToken>[0]);
    return "valid";
  } catch (error) {
    if (httpStatusOf(error) === 404) return "unknown_to_github";
    logger().warn(`github token check inconclusive (${httpStatusOf(error) ?? (error as Error).name})`);
    return "inconclusive";
  }
}

async function verify(connection: StoredConnection, accessToken: string): Promise<void> {
  const verdict = await askGitHubAboutToken(connection, accessToken);
  if (verdict === "unknown_to_github") {
    await markRevoked(
      { userId: connection.userId, accessTokenCiphertext: connection.accessTokenCiphertext! },
      "token_check_failed",
    );
    throw new GitHubConnectionError("revoked");
  }
  if (verdict === "inconclusive") return; // not the person's problem; check next time
  await markVerified(connection);
}
