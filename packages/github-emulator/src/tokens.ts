import { createHash, randomBytes } from "node:crypto";
import type { AccessToken, AuthorizationCode, RefreshToken, RegisteredApp } from "./model";
import type { EmulatorState } from "./state";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const USER_TOKEN_TTL_S = 28800;
export const REFRESH_TOKEN_TTL_S = 15897600;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomToken(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

// Scopes that include others, so a grant of `repo` covers a later request for `public_repo`.
const IMPLIED: Record<string, string[]> = {
  repo: ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"],
  user: ["read:user", "user:email", "user:follow"],
  "admin:org": ["write:org", "read:org"],
  "write:org": ["read:org"],
  "admin:repo_hook": ["write:repo_hook", "read:repo_hook"],
  "write:repo_hook": ["read:repo_hook"],
};

/** Space- or comma-separated scope list, deduplicated and sorted the way GitHub echoes them. */
export function parseScopes(raw: string | null | undefined): string[] {
  return [...new Set((raw ?? "").split(/[\s,]+/).filter(Boolean))].sort();
}

export function scopesCover(granted: Iterable<string>, wanted: string[]): boolean {
  const have = new Set<string>();
  for (const g of granted) {
    have.add(g);
    for (const i of IMPLIED[g] ?? []) have.add(i);
  }
  return wanted.every((w) => have.has(w));
}

const grantKey = (clientId: string, login: string) => `${clientId} ${login}`;

export function grantOf(state: EmulatorState, clientId: string, login: string): Set<string> | undefined {
  return state.grants.get(grantKey(clientId, login));
}

export function recordGrant(state: EmulatorState, clientId: string, login: string, scopes: string[]): void {
  const existing = state.grants.get(grantKey(clientId, login)) ?? new Set<string>();
  for (const s of scopes) existing.add(s);
  state.grants.set(grantKey(clientId, login), existing);
}

export function issueCode(
  state: EmulatorState,
  input: {
    clientId: string;
    login: string;
    scopes: string[];
    redirectUri: string;
    redirectUriGiven: boolean;
    codeChallenge?: string;
  },
): string {
  const code = randomToken("", 20).toLowerCase();
  const record: AuthorizationCode = { code, ...input, createdAt: state.now(), used: false };
  state.codes.set(code, record);
  return code;
}

export function pkceMatches(verifier: string, challenge: string): boolean {
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

export interface IssuedTokens {
  access: AccessToken;
  refresh?: RefreshToken;
}

export function issueTokens(state: EmulatorState, app: RegisteredApp, login: string, scopes: string[]): IssuedTokens {
  const now = state.now();
  const expiring = app.kind === "github_app" && app.expireUserTokens;
  const access: AccessToken = {
    value: randomToken(app.kind === "github_app" ? "ghu_" : "gho_", 36),
    clientId: app.clientId,
    login,
    scopes: app.kind === "github_app" ? [] : scopes,
    id: state.nextId(),
    createdAt: now,
    expiresAt: expiring ? now + USER_TOKEN_TTL_S * 1000 : undefined,
    revoked: false,
  };
  state.tokens.set(access.value, access);
  if (!expiring) return { access };
  const refresh: RefreshToken = {
    value: randomToken("ghr_", 76),
    clientId: app.clientId,
    login,
    scopes: access.scopes,
    accessToken: access.value,
    expiresAt: now + REFRESH_TOKEN_TTL_S * 1000,
    used: false,
  };
  state.refreshTokens.set(refresh.value, refresh);
  return { access, refresh };
}

/** The token if it is live: known, not revoked, not expired, and its grant still stands. */
export function liveToken(state: EmulatorState, value: string | undefined): AccessToken | undefined {
  if (!value) return undefined;
  const t = state.tokens.get(value);
  if (!t || t.revoked) return undefined;
  if (t.expiresAt !== undefined && t.expiresAt <= state.now()) return undefined;
  if (!grantOf(state, t.clientId, t.login)) return undefined;
  return t;
}

/**
 * Rotates a refresh token. Synchronous on purpose: Node runs it to completion, so of two concurrent
 * refreshes with the same token exactly one sees `used === false`.
 */
export function rotateRefreshToken(state: EmulatorState, app: RegisteredApp, value: string): IssuedTokens | undefined {
  const r = state.refreshTokens.get(value);
  if (!r || r.used || r.clientId !== app.clientId || r.expiresAt <= state.now() || !grantOf(state, r.clientId, r.login))
    return undefined;
  r.used = true;
  const old = state.tokens.get(r.accessToken);
  if (old) old.revoked = true;
  return issueTokens(state, app, r.login, r.scopes);
}

/** Every token and refresh token of (app, user) stops working; the grant goes too. */
export function revokeGrant(state: EmulatorState, clientId: string, login: string): boolean {
  let had = state.grants.delete(grantKey(clientId, login));
  for (const t of state.tokens.values()) {
    if (t.clientId === clientId && t.login === login && !t.revoked) {
      t.revoked = true;
      had = true;
    }
  }
  for (const r of state.refreshTokens.values()) if (r.clientId === clientId && r.login === login) r.used = true;
  return had;
}

export function tokenLastEight(value: string): string {
  return value.slice(-8);
}

export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("base64");
}
