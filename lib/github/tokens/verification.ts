import "server-only";
import { checkToken } from "@octokit/oauth-methods";
import type { RequestInterface } from "@octokit/types";
import { GitHubConnectionError, httpStatusOf } from "../api/errors";
import { oauthAppFor } from "../api/oauth-app";
import { markVerified, type StoredConnection } from "../connection/store";
import { markRevoked } from "./revocation";
import { logger } from "../../ops/logger";

// The proactive check: a connection nobody has verified for a day is asked about at GitHub
// (POST /applications/{client_id}/token, a 404 confirmed with GET /user) the next time its owner
// needs it, so a revocation is noticed even on pages that make no failing call. Connecting and
// every refresh count as verified.

export const VERIFY_AFTER_MS = 24 * 60 * 60_000;
const CHECK_TIMEOUT_MS = 5_000;

// Keyed by the token checked: a caller holding another token (refreshed or reconnected since) must
// not share a verdict about this one.
const checksInFlight = new Map<string, Promise<CheckOutcome>>();

/**
 * "current": the token is still the connection's and fine (or GitHub could not say). "replaced":
 * GitHub no longer knows it, but the connection no longer holds it either — a refresh (which makes
 * GitHub forget the old token at once) or a reconnect replaced it while GitHub was being asked, so
 * the caller reads the connection again. Throws "revoked" when the connection held it and now ends.
 */
export type CheckOutcome = "current" | "replaced";

export function verifyIfStale(
  connection: StoredConnection,
  accessToken: string,
  now = Date.now(),
): Promise<CheckOutcome> {
  if (connection.lastVerifiedAt && now - connection.lastVerifiedAt.getTime() < VERIFY_AFTER_MS)
    return Promise.resolve("current");
  const key = `${connection.id}:${connection.accessTokenCiphertext}`;
  let pending = checksInFlight.get(key);
  if (!pending) {
    pending = verify(connection, accessToken).finally(() => checksInFlight.delete(key));
    checksInFlight.set(key, pending);
  }
  return pending;
}

export type TokenVerdict = "valid" | "unknown_to_github" | "inconclusive";

/**
 * Asks GitHub whether it still knows this token, with the credentials of the app the connection
 * was made through. A 404 there is confirmed before it counts (confirmUnknown); a 5xx, a timeout, a
 * rate limit or our own credentials refused means GitHub did not say.
 */
export async function askGitHubAboutToken(
  connection: Pick<StoredConnection, "kind">,
  accessToken: string,
): Promise<TokenVerdict> {
  try {
    const app = oauthAppFor(connection.kind, { timeoutMs: CHECK_TIMEOUT_MS });
    try {
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
      if (httpStatusOf(error) !== 404) throw error;
    }
    return await confirmUnknown(app.request, accessToken);
  } catch (error) {
    logger().warn(`github token check inconclusive (${httpStatusOf(error) ?? (error as Error).name})`);
    return "inconclusive";
  }
}

let warnedNoTokenCheck = false;

/**
 * GitHub answers the token check 404 for a token it forgot, but a GitHub-compatible server without
 * that endpoint (Gitea, Forgejo, some proxies) answers 404 for every token: believed alone, it would
 * revoke every working connection. So the token itself asks who it belongs to (GET /user, same
 * deadline): 401 confirms GitHub does not know it; 200 means it works and the check endpoint cannot
 * be trusted here; anything else throws, which the caller reads as inconclusive. Only a 404 pays this.
 */
async function confirmUnknown(request: RequestInterface, accessToken: string): Promise<TokenVerdict> {
  try {
    await request("GET /user", { headers: { authorization: `token ${accessToken}` } });
  } catch (error) {
    if (httpStatusOf(error) === 401) return "unknown_to_github";
    throw error;
  }
  if (!warnedNoTokenCheck) {
    warnedNoTokenCheck = true;
    logger().warn(
      "github token check answered 404 for a token GET /user accepts: this server lacks POST /applications/{client_id}/token, so tokens are confirmed through GET /user",
    );
  }
  return "valid";
}

async function verify(connection: StoredConnection, accessToken: string): Promise<CheckOutcome> {
  const verdict = await askGitHubAboutToken(connection, accessToken);
  if (verdict === "unknown_to_github") {
    // Only while the connection still holds the token GitHub forgot; otherwise what holds now is
    // the stored row's to say (another token, or an ending someone else already wrote).
    const ended = await markRevoked(
      { userId: connection.userId, accessTokenCiphertext: connection.accessTokenCiphertext! },
      "token_check_failed",
    );
    if (ended === 0) return "replaced";
    throw new GitHubConnectionError("revoked");
  }
  if (verdict === "inconclusive") return "current"; // not the person's problem; check next time
  await markVerified(connection);
  return "current";
}
