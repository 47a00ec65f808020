import "server-only";
import { request } from "@octokit/request";
import { RequestError } from "@octokit/request-error";
import { z } from "zod";
import { getEnv } from "../../config/env";
import { GitHubUnavailableError, type UnavailableReason } from "./errors";
import { asGitHubFailure } from "./failures";
import { callbackUrl, OAUTH_TIMEOUT_MS, type OAuthApp } from "./oauth-app";

// GitHub's token endpoint (POST {GITHUB_URL}/login/oauth/access_token): exchanging a code and
// refreshing an expiring GitHub App user token. GitHub reports OAuth errors as HTTP 200 with an
// `error` field; servers that follow RFC 6749 §5.2 (GitHub-compatible ones, some proxies) as 400 or
// 401 with the same field. Either is a verdict. A 5xx, a timeout, a rate limit or a 4xx without
// `error` is the server failing, whatever its body says.
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

/** No verdict on the grant (5xx, network, timeout, rate limit, a 4xx without `error`). Nothing is concluded. */
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

type Grant = "code" | "refresh_token";

/** RFC 6749 §5.2's names, as non-GitHub servers send them, become GitHub's for the same refusal. */
function oauthErrorCode(error: string, grant: Grant): OAuthErrorCode {
  if (error === "invalid_grant") return grant === "refresh_token" ? "bad_refresh_token" : "bad_verification_code";
  if (error === "invalid_client") return "incorrect_client_credentials";
  return (OAUTH_ERROR_CODES as readonly string[]).includes(error) ? (error as OAuthErrorCode) : "unknown";
}

/**
 * The fields of an answer. Octokit parses JSON only when it is labelled so; GitHub's default format
 * is form-encoded, which some servers send whatever Accept says (as text, or as bytes without a
 * charset), and a JSON body may come labelled as text.
 */
function fieldsOf(data: unknown): unknown {
  const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : null;
  if (text === null) return data;
  if (text.trimStart().startsWith("{")) {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(text.trim()));
}

function throwIfRefused(fields: unknown, grant: Grant): void {
  const refused = errorAnswer.safeParse(fields);
  if (refused.success) {
    throw new OAuthError(oauthErrorCode(refused.data.error, grant), refused.data.error_description ?? "");
  }
}

async function postTokenEndpoint(
  parameters: Record<string, string>,
  timeoutMs = OAUTH_TIMEOUT_MS,
): Promise<GitHubTokens> {
  const requestedAt = Date.now();
  const grant: Grant = parameters.grant_type === "refresh_token" ? "refresh_token" : "code";
  let data: unknown;
  try {
    const response = await request("POST /login/oauth/access_token", {
      baseUrl: getEnv().github.url,
      headers: { accept: "application/json", "user-agent": "Hublink" },
      request: { signal: AbortSignal.timeout(timeoutMs) },
      ...parameters,
    });
    data = fieldsOf(response.data);
  } catch (error) {
    // A 5xx, a timeout or a rate limit says nothing about the grant, whatever its body says.
    const failure = asGitHubFailure(error, false);
    if (failure instanceof GitHubUnavailableError) throw new TokenEndpointUnavailableError(failure.reason);
    // RFC 6749 §5.2: a refusal as a 4xx (400; 401 for the client) with `error`, the same verdict
    // GitHub gives as a 200. A 4xx without `error` (a proxy's page) stays the server failing.
    if (error instanceof RequestError && error.status >= 400 && error.status < 500) {
      throwIfRefused(fieldsOf(error.response?.data), grant);
    }
    throw new TokenEndpointUnavailableError("server_error");
  }
  throwIfRefused(data, grant);
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
