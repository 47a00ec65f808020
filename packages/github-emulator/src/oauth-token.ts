import { readParams, type Ctx } from "./http";
import type { EmulatorState } from "./state";
import {
  CODE_TTL_MS,
  REFRESH_TOKEN_TTL_S,
  USER_TOKEN_TTL_S,
  grantOf,
  issueTokens,
  pkceMatches,
  rotateRefreshToken,
  type IssuedTokens,
} from "./tokens";

// POST /login/oauth/access_token — code exchange and refresh. Errors are HTTP 200 with error fields, as on GitHub.

const DOCS = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

const ERRORS = {
  incorrect_client_credentials: [
    "The client_id and/or client_secret passed are incorrect.",
    `${DOCS}/#incorrect-client-credentials`,
  ],
  redirect_uri_mismatch: [
    "The redirect_uri MUST match the registered callback URL for this application.",
    `${DOCS}/#redirect-uri-mismatch2`,
  ],
  bad_verification_code: ["The code passed is incorrect or expired.", `${DOCS}/#bad-verification-code`],
  bad_refresh_token: [
    "The refresh token passed is incorrect or expired.",
    "https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
  ],
  unsupported_grant_type: ["The grant type is not supported.", DOCS],
} as const;

type ErrorCode = keyof typeof ERRORS;

function respond(ctx: Ctx, body: Record<string, string | number>): void {
  const accept = ctx.req.headers.accept ?? "";
  if (accept.includes("application/json")) {
    const text = JSON.stringify(body);
    ctx.res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    ctx.res.end(text);
    return;
  }
  const text = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
  ctx.res.writeHead(200, {
    "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  ctx.res.end(text);
}

function fail(ctx: Ctx, code: ErrorCode): void {
  const [description, uri] = ERRORS[code];
  respond(ctx, { error: code, error_description: description, error_uri: uri });
}

export function tokenResponse(issued: IssuedTokens): Record<string, string | number> {
  const body: Record<string, string | number> = { access_token: issued.access.value };
  if (issued.refresh) {
    body.expires_in = USER_TOKEN_TTL_S;
    body.refresh_token = issued.refresh.value;
    body.refresh_token_expires_in = REFRESH_TOKEN_TTL_S;
  }
  body.token_type = "bearer";
  body.scope = issued.access.scopes.join(",");
  return body;
}

export async function handleAccessToken(state: EmulatorState, ctx: Ctx): Promise<void> {
  const p = await readParams(ctx);
  // Credentials may also come as HTTP Basic (client_secret_basic, form-encoded per RFC 6749 §2.3.1), as some clients send them.
  const basic = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const unform = (v: string) => decodeURIComponent(v.replace(/\+/g, " "));
    if (colon > 0) {
      p.client_id ??= unform(decoded.slice(0, colon));
      p.client_secret ??= unform(decoded.slice(colon + 1));
    }
  }
  const app = state.appByClientId(p.client_id);
  if (!app || app.clientSecret !== p.client_secret) return fail(ctx, "incorrect_client_credentials");

  if (p.grant_type === "refresh_token") {
    const issued = p.refresh_token ? rotateRefreshToken(state, app, p.refresh_token) : undefined;
    if (!issued) return fail(ctx, "bad_refresh_token");
    state.stats.refreshes++;
    return respond(ctx, tokenResponse(issued));
  }
  if (p.grant_type && p.grant_type !== "authorization_code") return fail(ctx, "unsupported_grant_type");

  const code = p.code ? state.codes.get(p.code) : undefined;
  if (!code || code.used || code.clientId !== app.clientId || state.now() - code.createdAt > CODE_TTL_MS) {
    return fail(ctx, "bad_verification_code");
  }
  if (p.redirect_uri && p.redirect_uri !== code.redirectUri) return fail(ctx, "redirect_uri_mismatch");
  // A missing or wrong verifier reads as a bad code on GitHub: the code is only valid together with it.
  if (code.codeChallenge && (!p.code_verifier || !pkceMatches(p.code_verifier, code.codeChallenge))) {
    return fail(ctx, "bad_verification_code");
  }
  if (!grantOf(state, code.clientId, code.login)) return fail(ctx, "bad_verification_code");
  code.used = true;
  state.stats.codeExchanges++;
  respond(ctx, tokenResponse(issueTokens(state, app, code.login, code.scopes)));
}
