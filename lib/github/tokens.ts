import "server-only";
import type { EndpointDefaults, RequestInterface, Route, RequestParameters } from "@octokit/types";
import { tokenCipher } from "../crypto";
import { db } from "../db";
import { GitHubConnectionError } from "./errors";

/**
 * A usable access token for the person's GitHub connection.
 * TODO(issue 6): refresh ahead of expiry, single-flight across instances.
 */
export async function getValidAccessToken(userId: string): Promise<string> {
  const connection = await db.gitHubConnection.findUnique({ where: { userId } });
  if (!connection || connection.status === "disconnected" || !connection.accessTokenCiphertext) {
    throw new GitHubConnectionError("not_connected");
  }
  if (connection.status === "revoked" || connection.status === "expired") {
    throw new GitHubConnectionError(connection.status);
  }
  return tokenCipher().decrypt(connection.accessTokenCiphertext);
}

/**
 * An Octokit auth strategy for a person's connection (`authStrategy: connectionAuthStrategy,
 * auth: { userId }`): every request gets a valid token from getValidAccessToken.
 */
export function connectionAuthStrategy({ userId }: { userId: string }) {
  const auth = async () => ({ type: "token" as const, tokenType: "oauth" as const, token: await getValidAccessToken(userId) });
  const hook = async (request: RequestInterface, route: Route | EndpointDefaults, parameters?: RequestParameters) => {
    const endpoint = request.endpoint.merge(route as string, parameters ?? {});
    endpoint.headers.authorization = `token ${await getValidAccessToken(userId)}`;
    return request(endpoint as EndpointDefaults & { url: string });
  };
  return Object.assign(auth, { hook });
}
