import "server-only";
import { deleteAuthorization } from "@octokit/oauth-methods";
import { request } from "@octokit/request";
import { getEnv } from "../../config/env";
import { callbackUrl, type ConnectApp } from "../api/oauth-app";

// GitHub's OAuth web flow, for OAuth apps and GitHub Apps alike (GITHUB-FACTS.md, "Authorize" and
// "Token"). Errors come back from the token endpoint as HTTP 200 with an `error` field.

export type GitHubTokens = {
  accessToken: string;
  /** Present for expiring GitHub App user tokens. */
  accessTokenExpiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  scopes: string[];
};

/** A failed exchange, named by GitHub's error code or ours for a network failure. */
export class OAuthExchangeError extends Error {
  constructor(readonly code: string, description: string) {
    super(`GitHub token endpoint: ${code} (${description})`);
    this.name = "OAuthExchangeError";
  }
}

function apiRequest() {
  return request.defaults({ baseUrl: getEnv().github.apiUrl, headers: { "user-agent": "Hublink" } });
}

export function authorizeUrl(app: ConnectApp, state: string, codeChallenge: string): string {
  const url = new URL("/login/oauth/authorize", getEnv().github.url);
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("redirect_uri", callbackUrl());
  if (app.scopes.length) url.searchParams.set("scope", app.scopes.join(" "));
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

type TokenResponse = {
  access_token?: string;
  scope?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  error?: string;
  error_description?: string;
};

async function postTokenEndpoint(parameters: Record<string, string>): Promise<GitHubTokens> {
  let data: TokenResponse;
  const requestedAt = Date.now();
  try {
    // @octokit/oauth-methods has no PKCE parameter yet; this is the same request it makes.
    const response = await request("POST /login/oauth/access_token", {
      baseUrl: getEnv().github.url,
      headers: { accept: "application/json", "user-agent": "Hublink" },
      request: { signal: AbortSignal.timeout(10_000) },
      ...parameters,
    });
    data = response.data as TokenResponse;
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new OAuthExchangeError("github_unreachable", status ? `HTTP ${status}` : (error as Error).name);
  }
  if (data.error || !data.access_token) {
    throw new OAuthExchangeError(data.error ?? "invalid_response", data.error_description ?? "no access_token in the response");
  }
  const at = (seconds: number | undefined) => (seconds ? new Date(requestedAt + seconds * 1000) : null);
  return {
    accessToken: data.access_token,
    accessTokenExpiresAt: at(data.expires_in),
    refreshToken: data.refresh_token ?? null,
    refreshTokenExpiresAt: at(data.refresh_token_expires_in),
    scopes: (data.scope ?? "").split(/[\s,]+/).filter(Boolean),
  };
}

/** The verifier is absent for codes GitHub issues during an App installation: no challenge was sent. */
export function exchangeCode(app: ConnectApp, code: string, codeVerifier?: string): Promise<GitHubTokens> {
  return postTokenEndpoint({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    code,
    redirect_uri: callbackUrl(),
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
  });
}

export type GitHubUser = { id: number; login: string; name: string | null; avatarUrl: string };

/** GET /user with a fresh token: who connected. */
export async function fetchGitHubUser(accessToken: string): Promise<GitHubUser> {
  const { data } = await apiRequest()("GET /user", {
    headers: { authorization: `bearer ${accessToken}` },
    request: { signal: AbortSignal.timeout(10_000) },
  });
  return { id: Number(data.id), login: data.login, name: data.name ?? null, avatarUrl: data.avatar_url };
}

/**
 * Revokes the whole grant at GitHub (DELETE /applications/{client_id}/grant): every token of this
 * app for this person. True when the grant is gone (404: it already was); false when GitHub could
 * not be reached or answered with an error.
 */
export async function revokeGrant(app: ConnectApp, accessToken: string): Promise<boolean> {
  try {
    const options = {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      token: accessToken,
      request: apiRequest().defaults({ request: { signal: AbortSignal.timeout(10_000) } }),
    };
    await (app.kind === "github_app"
      ? deleteAuthorization({ clientType: "github-app", ...options })
      : deleteAuthorization({ clientType: "oauth-app", ...options }));
    return true;
  } catch (error) {
    return (error as { status?: number }).status === 404;
  }
}
