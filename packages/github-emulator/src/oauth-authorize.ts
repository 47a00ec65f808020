import { readParams, redirect, sendHtml, withQuery, type Ctx } from "./http";
import { errorPage, esc, hiddenFields, page } from "./html";
import type { RegisteredApp } from "./model";
import { renderSignIn, sessionLogin } from "./session";
import type { EmulatorState } from "./state";
import { grantOf, issueCode, parseScopes, recordGrant, scopesCover } from "./tokens";

// GET/POST /login/oauth/authorize: sign-in picker, consent, then a redirect with code and state.

export const ACCESS_DENIED = {
  error: "access_denied",
  error_description: "The user has denied your application access.",
  error_uri:
    "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied",
};

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function registeredCallback(app: RegisteredApp): string {
  return app.kind === "github_app" ? (app.callbackUrls[0] ?? "") : app.callbackUrl;
}

/** GitHub's redirect_uri rule: OAuth apps allow a sub-path (and any loopback port); GitHub Apps need an exact match. */
export function redirectUriAllowed(app: RegisteredApp, given: string): boolean {
  if (app.kind === "github_app") return app.callbackUrls.includes(given);
  let g: URL, cb: URL;
  try {
    g = new URL(given);
    cb = new URL(app.callbackUrl);
  } catch {
    return false;
  }
  if (g.protocol !== cb.protocol || g.hostname !== cb.hostname) return false;
  if (g.port !== cb.port && !LOOPBACK.has(g.hostname)) return false;
  const base = cb.pathname.replace(/\/+$/, "");
  return g.pathname === cb.pathname || g.pathname === base || g.pathname.startsWith(`${base}/`);
}

interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  redirectUriGiven: boolean;
  scopes: string[];
  scopeGiven: boolean;
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

type Parsed = { ok: true; request: AuthorizeRequest } | { ok: false; page?: [number, string]; redirect?: string };

/** Validates the authorize parameters; bad client or redirect_uri are error pages, never redirects. */
function parseAuthorize(state: EmulatorState, p: Record<string, string | undefined>): Parsed {
  const app = state.appByClientId(p.client_id);
  if (!app)
    return { ok: false, page: [404, errorPage("Not Found", "The client_id is not associated with any application.")] };
  const given = p.redirect_uri;
  if (given !== undefined && given !== "" && !redirectUriAllowed(app, given)) {
    return {
      ok: false,
      page: [400, errorPage("Redirect URI mismatch", "The redirect_uri is not associated with this application.")],
    };
  }
  const redirectUri = given || registeredCallback(app);
  const challenge = p.code_challenge || undefined;
  const method = p.code_challenge_method || undefined;
  const invalid = (description: string) => ({
    ok: false as const,
    redirect: withQuery(redirectUri, { error: "invalid_request", error_description: description, state: p.state }),
  });
  if (challenge !== undefined || method !== undefined) {
    if (!challenge) return invalid("code_challenge is required when code_challenge_method is given.");
    if (!method) return invalid("code_challenge_method is required when code_challenge is given.");
    if (method !== "S256") return invalid("code_challenge_method must be S256.");
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return invalid("code_challenge must be 43 characters of base64url.");
  }
  return {
    ok: true,
    request: {
      app,
      redirectUri,
      redirectUriGiven: Boolean(given),
      scopes: app.kind === "github_app" ? [] : parseScopes(p.scope),
      scopeGiven: p.scope !== undefined,
      state: p.state,
      codeChallenge: challenge,
      codeChallengeMethod: method,
    },
  };
}

function finish(state: EmulatorState, ctx: Ctx, login: string, r: AuthorizeRequest): void {
  const scopes = r.scopeGiven ? r.scopes : [...(grantOf(state, r.app.clientId, login) ?? [])].sort();
  recordGrant(state, r.app.clientId, login, scopes);
  const code = issueCode(state, {
    clientId: r.app.clientId,
    login,
    scopes,
    redirectUri: r.redirectUri,
    redirectUriGiven: r.redirectUriGiven,
    codeChallenge: r.codeChallenge,
  });
  redirect(ctx.res, withQuery(r.redirectUri, { code, state: r.state }));
}

/** An authorize request GitHub refuses: an error page (bad client or redirect_uri) or a redirect with an error. */
function answerInvalidRequest(ctx: Ctx, refused: { page?: [number, string]; redirect?: string }): void {
  if (refused.page) sendHtml(ctx.res, refused.page[0], refused.page[1]);
  else redirect(ctx.res, refused.redirect ?? "/");
}

export function handleAuthorize(state: EmulatorState, ctx: Ctx): void {
  const p = Object.fromEntries(ctx.url.searchParams);
  const parsed = parseAuthorize(state, p);
  if (!parsed.ok) return answerInvalidRequest(ctx, parsed);
  const login = sessionLogin(state, ctx);
  const otherUserSuggested = Boolean(p.login && login && p.login.toLowerCase() !== login.toLowerCase());
  if (!login || p.prompt === "select_account" || otherUserSuggested) {
    // After picking, come back without prompt/login so the picker is not shown again.
    const back = new URL(ctx.url);
    back.searchParams.delete("prompt");
    back.searchParams.delete("login");
    renderSignIn(state, ctx, back.pathname + back.search, p.login ?? login);
    return;
  }
  const r = parsed.request;
  const granted = grantOf(state, r.app.clientId, login);
  if (granted && scopesCover(granted, r.scopes)) return finish(state, ctx, login, r);
  renderConsent(state, ctx, login, r);
}

function permissionLines(r: AuthorizeRequest): string[] {
  if (r.app.kind === "github_app") {
    return Object.entries(r.app.permissions).map(
      ([name, level]) => `${level === "read" ? "Read" : "Read and write"} access to ${name.replace(/_/g, " ")}`,
    );
  }
  return r.scopes.length ? r.scopes : ["(no scope) read-only access to public information"];
}

function renderConsent(state: EmulatorState, ctx: Ctx, login: string, r: AuthorizeRequest): void {
  const fields = hiddenFields({
    client_id: r.app.clientId,
    redirect_uri: r.redirectUriGiven ? r.redirectUri : undefined,
    scope: r.scopeGiven ? r.scopes.join(" ") : undefined,
    state: r.state,
    code_challenge: r.codeChallenge,
    code_challenge_method: r.codeChallengeMethod,
  });
  const kind = r.app.kind === "github_app" ? "GitHub App" : "OAuth App";
  const html = page(
    `Authorize ${r.app.name}`,
    `<h1>Authorize ${esc(r.app.name)}</h1>
<p>${esc(kind)} <strong>${esc(r.app.name)}</strong> wants to access your <strong>${esc(login)}</strong> account.</p>
<h2>${r.app.kind === "github_app" ? "Permissions" : "Requested scopes"}</h2>
<ul class="scopes">${permissionLines(r)
      .map((l) => `<li>${esc(l)}</li>`)
      .join("")}</ul>
<p class="muted">Authorizing will redirect to <code>${esc(r.redirectUri)}</code></p>
<form method="post" action="/login/oauth/authorize">${fields}
<button type="submit" name="authorize" value="1" class="primary">Authorize ${esc(r.app.name)}</button>
<button type="submit" name="authorize" value="0">Cancel</button></form>`,
  );
  sendHtml(ctx.res, 200, html, { "cache-control": "no-store" });
}

/** POST /login/oauth/authorize — the consent form's answer. */
export async function handleConsent(state: EmulatorState, ctx: Ctx): Promise<void> {
  const p = await readParams(ctx);
  const parsed = parseAuthorize(state, p);
  if (!parsed.ok) return answerInvalidRequest(ctx, parsed);
  const login = sessionLogin(state, ctx);
  if (!login) {
    sendHtml(ctx.res, 403, errorPage("Not signed in", "Your emulator session ended. Start the authorization again."));
    return;
  }
  const r = parsed.request;
  if (p.authorize !== "1") {
    redirect(ctx.res, withQuery(r.redirectUri, { ...ACCESS_DENIED, state: r.state }));
    return;
  }
  finish(state, ctx, login, r);
}
