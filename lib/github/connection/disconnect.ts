import "server-only";
import { deleteAuthorization } from "@octokit/oauth-methods";
import { httpStatusOf } from "../api/errors";
import { oauthAppFor } from "../api/oauth-app";
import { accessTokenOf, findConnection, markDisconnected, type StoredConnection } from "./store";
import { logger } from "../../ops/logger";

/**
 * Disconnect: revoke the grant at GitHub, then forget the tokens here whatever GitHub said — a
 * person who asks to disconnect must not stay connected because GitHub was unreachable. Says
 * whether GitHub confirmed the revocation, so the page never claims what did not happen.
 */
export async function disconnect(userId: string): Promise<{ revokedAtGitHub: boolean } | null> {
  const connection = await findConnection(userId);
  if (!connection || connection.status === "disconnected") return null;
  const revokedAtGitHub = await revokeGrantAtGitHub(connection);
  await markDisconnected(connection, revokedAtGitHub);
  return { revokedAtGitHub };
}

/**
 * DELETE /applications/{client_id}/grant with the credentials of the app this connection was made
 * through: every token of that app for this person. GitHub documents 204 (done) and 422; anything
 * else — a 404, another app's credentials refused, no answer — is not a confirmation.
 * https://docs.github.com/rest/apps/oauth-applications#delete-an-app-authorization
 */
async function revokeGrantAtGitHub(connection: StoredConnection): Promise<boolean> {
  if (!connection.accessTokenCiphertext) return false;
  try {
    const app = oauthAppFor(connection.kind);
    const { status } = await deleteAuthorization({
      clientType: app.clientType,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      token: accessTokenOf(connection)!,
      request: app.request,
      // The options are one type per clientType; `app` carries a matching pair, which TypeScript cannot see.
    } as Parameters<typeof deleteAuthorization>[0]);
    return status === 204;
  } catch (error) {
    logger().warn(`github grant revocation not confirmed (${httpStatusOf(error) ?? (error as Error).name})`);
    return false;
  }
}
