import "server-only";
import type { EndpointDefaults, RequestInterface, RequestParameters, Route } from "@octokit/types";
import { GitHubConnectionError, httpStatusOf } from "../api/errors";
import { accessTokenOf, type StoredConnection } from "../connection/store";
import { readUsableConnection, refreshConnection } from "./refresh";
import { markRevoked } from "./revocation";
import { verifyIfStale } from "./verification";

// Hands out a usable access token for a person's connection, and turns GitHub's 401s into the
// right conclusion: refresh once and retry, or — when even a fresh token is refused — "revoked".

/** A token this close to its expiry is refreshed before use, so it cannot expire mid-request. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

type UsableToken = {
  token: string;
  row: StoredConnection;
  /** Obtained by a refresh during this call: a 401 on it cannot be an expiry. */
  fresh: boolean;
};

// In-process single-flight, keyed by the token being replaced ("per expiry"): 50 requests of one
// person make one claim attempt here; refreshConnection makes it one refresh across processes.
const refreshesInFlight = new Map<string, Promise<StoredConnection>>();

function refreshOnce(row: StoredConnection, afterRejection: boolean): Promise<StoredConnection> {
  const key = `${row.id}:${row.accessTokenCiphertext}`;
  let pending = refreshesInFlight.get(key);
  if (!pending) {
    pending = refreshConnection(row, { afterRejection }).finally(() => refreshesInFlight.delete(key));
    refreshesInFlight.set(key, pending);
  }
  return pending;
}

function usable(row: StoredConnection, fresh: boolean): UsableToken {
  // readUsableConnection/refreshConnection only return rows holding an access token.
  return { token: accessTokenOf(row)!, row, fresh };
}

function expiresSoon(row: StoredConnection, now = Date.now()): boolean {
  return row.accessTokenExpiresAt !== null && row.accessTokenExpiresAt.getTime() - now <= REFRESH_AHEAD_MS;
}

async function currentToken(userId: string, reread = true): Promise<UsableToken> {
  const row = await readUsableConnection(userId);
  if (expiresSoon(row)) return usable(await refreshOnce(row, false), true);
  const token = usable(row, false);
  // The token was replaced while GitHub was asked about it: the row read again holds its successor
  // (verified by whoever stored it) or says the connection ended.
  if ((await verifyIfStale(row, token.token)) === "replaced" && reread) return currentToken(userId, false);
  return token;
}

/**
 * A usable access token for the person's GitHub connection, refreshed first when it expires
 * within five minutes. Throws GitHubConnectionError (not_connected | revoked | expired) or
 * GitHubUnavailableError (GitHub could not refresh now; nothing was lost).
 */
export async function getValidAccessToken(userId: string): Promise<string> {
  return (await currentToken(userId)).token;
}

/**
 * GitHub refused `rejected`: the connection ends, but only while it still holds that token.
 * "replaced": it no longer did — a refresh elsewhere or a reconnect stored another token while the
 * request was in flight, or someone else already wrote the ending — so the caller reads the
 * connection again. Throws "revoked" when this call ended it.
 */
async function revokeUnlessReplaced(rejected: UsableToken): Promise<"replaced"> {
  const ended = await markRevoked(
    { userId: rejected.row.userId, accessTokenCiphertext: rejected.row.accessTokenCiphertext! },
    "token_rejected",
  );
  if (ended === 0) return "replaced";
  throw new GitHubConnectionError("revoked");
}

/**
 * An Octokit auth strategy for a person's connection (`authStrategy: connectionAuthStrategy,
 * auth: { userId }`). Every request gets a valid token. A 401 on a token that should be valid
 * (unexpired, refreshable) gets one refresh and one retry; a 401 on a freshly refreshed or
 * non-expiring token means the grant is gone: the connection is marked revoked and the request
 * fails with GitHubConnectionError("revoked") — unless the connection no longer held that token,
 * in which case the request runs once more with what it holds now. Any other failure — 5xx,
 * timeouts, 403/429 rate limits, 404 — passes through untouched (the retry and throttling plugins
 * wrap this hook) and is never taken for revocation.
 */
export function connectionAuthStrategy({ userId }: { userId: string }) {
  const auth = async () => ({
    type: "token" as const,
    tokenType: "oauth" as const,
    token: await getValidAccessToken(userId),
  });
  const hook = async (request: RequestInterface, route: Route | EndpointDefaults, parameters?: RequestParameters) => {
    const endpoint = request.endpoint.merge(route as string, parameters ?? {});
    const send = (token: string) =>
      request({ ...endpoint, headers: { ...endpoint.headers, authorization: `token ${token}` } } as EndpointDefaults & {
        url: string;
      });
    // The token GitHub refused was no longer the connection's: the row read again holds its
    // successor, or says the connection ended. Once only, as in currentToken: a second replacement
    // while GitHub answers is revocation as usual.
    const rejected = async (token: UsableToken, reread: boolean) => {
      if ((await revokeUnlessReplaced(token)) === "replaced" && reread) return attempt(false);
      throw new GitHubConnectionError("revoked");
    };

    const attempt = async (reread: boolean): Promise<Awaited<ReturnType<typeof send>>> => {
      const first = await currentToken(userId);
      try {
        return await send(first.token);
      } catch (error) {
        if (httpStatusOf(error) !== 401) throw error;
      }
      if (first.fresh || !first.row.refreshTokenCiphertext) return rejected(first, reread);

      const second = usable(await refreshOnce(first.row, true), true);
      try {
        return await send(second.token);
      } catch (error) {
        if (httpStatusOf(error) !== 401) throw error;
        return rejected(second, reread);
      }
    };
    return attempt(true);
  };
  return Object.assign(auth, { hook });
}
