import "server-only";
import { request } from "@octokit/request";
import { z } from "zod";
import { getEnv } from "../../config/env";
import { GitHubUnavailableError, type UnavailableReason } from "./errors";
import { asGitHubFailure } from "./failures";
import { callbackUrl, OAUTH_TIMEOUT_MS, type OAuthApp } from "./oauth-app";

// GitHub's token endpoint (POST {GITHUB_URL}/login/oauth/access_token): exchanging a code and
// refreshing an expiring GitHub App user token. GitHub reports OAuth errors as HTTP 200 with an
// `error` field; any other status is GitHub failing, whatever its body says.
// https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps

export type GitHubTokens = {
  accessToken: string;
  /** Present for expiring GitHub App user tokens. */
  accessTokenExpiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  scopes: string[];
};

/** GitHub's error codes Hublink tells apart; any other string is `unknown`. */
export const OAUTH_ERROR_CODES = [
  "bad_verification_code",
  "bad_refresh_token",
  "incorrect_client_credentials",
  "redirect_uri_mismatch",
  "unverified_user_email",
  "invalid_request",
  "unsupported_grant_type",
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number] | "unknown";

/** GitHub answered, and said no. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    description: string,
  ) {
    super(`GitHub token endpoint: ${code} (${description})`);
    this.name = "OAuthError";
  }
}

/** GitHub did not answer the token endpoint with 200 (5xx, network, timeout). Nothing is concluded. */
export class TokenEndpointUnavailableError extends Error {
  constructor(readonly reason: UnavailableReason) {
    super(`GitHub token endpoint unavailable: ${reason}`);
    this.name = "TokenEndpointUnavailableError";
  }
}

const errorAnswer = z.object({ error: z.string().min(1), error_description: z.string().optional() });

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  // Comma-separated; "" for GitHub Apps.
  scope: z.string().optional().default(""),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.coerce.number().positive().optional(),
});

function oauthErrorCode(error: string): OAuthErrorCode {
  return (OAUTH_ERROR_CODES as readonly string[]).includes(error) ? (error as OAuthErrorCode) : "unknown";
}

async function postTokenEndpoint(
  parameters: Record<string, string>,
  timeoutMs = OAUTH_TIMEOUT_MS,
): Promise<GitHubTokens> {
  const requestedAt = Date.now();
  let data: unknown;
  try {
    const response = await request("POST /login/oauth/access_token", {
      baseUrl: getEnv().github.url,
      headers: { accept: "application/json", "user-agent": "Hublink" },
      request: { signal: AbortSignal.timeout(timeoutMs) },
      ...parameters,
    });
    data = response.data;
  } catch (error) {
    // Whatever the body of a non-200 answer says, it is not GitHub's verdict on the token.
    const failure = asGitHubFailure(error, false);
    throw new TokenEndpointUnavailableError(
      failure instanceof GitHubUnavailableError ? failure.reason : "server_error",
    );
  }
  const refused = errorAnswer.safeParse(data);
  if (refused.success) throw new OAuthError(oauthErrorCode(refused.data.error), refused.data.error_description ?? "");
  const tokens = tokenAnswer.safeParse(data);
  if (!tokens.success) throw new OAuthError("unknown", "the answer held no access token");
  const at = (seconds: number | undefined) => (seconds ? new Date(requestedAt + seconds * 1000) : null);
  return {
    accessToken: tokens.data.access_token,
    accessTokenExpiresAt: at(tokens.data.expires_in),
    refreshToken: tokens.data.refresh_token ?? null,
    refreshTokenExpiresAt: at(tokens.data.refresh_token_expires_in),
    scopes: tokens.data.scope.split(/[\s,]+/).filter(Boolean),
  };
}

/** The verifier is absent for codes GitHub issues during an App installation: no challenge was sent. */
export function exchangeCode(app: OAuthApp, code: string, codeVerifier?: string): Promise<GitHubTokens> {
  return postTokenEndpoint({
    client_id: app.clientId,
    client_secret: app.clientSecret,
    code,
    redirect_uri: callbackUrl(),
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
  });
}

/** A new access + refresh token pair; GitHub rotates, so the old refresh token dies with this call. */
export function refreshUserToken(
  app: OAuthApp,
  refreshToken: string,
  { timeoutMs = OAUTH_TIMEOUT_MS } = {},
): Promise<GitHubTokens> {
  return postTokenEndpoint(
    {
      client_id: app.clientId,
      client_secret: app.clientSecret,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    },
    timeoutMs,
  );
}
