import "server-only";
import { request as octokitRequest } from "@octokit/request";
import type { EndpointOptions, RequestInterface } from "@octokit/types";
import { getEnv } from "../../config/env";
import type { ConnectionKind } from "../connection/status";

// The one place that decides which OAuth credentials a call uses. A connection is made through
// either Hublink's OAuth app or its GitHub App, and everything done later with that connection's
// tokens — refreshing, checking, revoking — must present the credentials of the same app: GitHub
// answers another app's credentials with an error, never with the answer for this token.

export type OAuthApp = {
  kind: ConnectionKind;
  /** @octokit/oauth-methods' name for the kind. */
  clientType: "oauth-app" | "github-app";
  clientId: string;
  clientSecret: string;
  /** OAuth apps ask for scopes; a GitHub App's access comes from its permissions and installations. */
  scopes: string[];
  /** REST requests preconfigured with the API base URL, Hublink's user agent and a deadline per call. */
  request: RequestInterface;
};

/** Every OAuth-side call is a person waiting on a page or a webhook GitHub waits on: 10 s at most. */
export const OAUTH_TIMEOUT_MS = 10_000;

export class MissingAppError extends Error {
  constructor(kind: ConnectionKind) {
    super(`A ${kind} connection needs that app's credentials, and none are configured`);
    this.name = "MissingAppError";
  }
}

/** REST requests to GitHub with Hublink's defaults; a fresh deadline for each call. */
export function githubRequest(timeoutMs = OAUTH_TIMEOUT_MS): RequestInterface {
  return octokitRequest.defaults({
    baseUrl: getEnv().github.apiUrl,
    headers: { "user-agent": "Hublink" },
    request: {
      hook: (request: RequestInterface, options: EndpointOptions) =>
        request({ ...options, request: { ...options.request, signal: AbortSignal.timeout(timeoutMs) } }),
    },
  });
}

/** The app whose credentials go with a connection of this kind. */
export function oauthAppFor(kind: ConnectionKind, { timeoutMs = OAUTH_TIMEOUT_MS } = {}): OAuthApp {
  const env = getEnv();
  const request = githubRequest(timeoutMs);
  if (kind === "github_app") {
    if (!env.githubApp) throw new MissingAppError(kind);
    const { clientId, clientSecret } = env.githubApp;
    return { kind, clientType: "github-app", clientId, clientSecret, scopes: [], request };
  }
  const { clientId, clientSecret, scopes } = env.connect;
  return { kind, clientType: "oauth-app", clientId, clientSecret, scopes, request };
}

/** The app people connect through now: the GitHub App when one is configured, else the OAuth app. */
export function connectingApp(): OAuthApp {
  return oauthAppFor(getEnv().githubApp ? "github_app" : "oauth_app");
}

/** GitHub sends people back here after authorizing and, for the GitHub App, after installing. */
export function callbackUrl(): string {
  return `${getEnv().appUrl}/api/github/callback`;
}
