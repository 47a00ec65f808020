import { installationRepos, isGitHubAppToken, repoPermissions, userInstallations } from "./access";
import type { AccessToken } from "./model";
import {
  DOCS,
  error,
  notFound,
  ok,
  paginate,
  rateKey,
  rateWindow,
  validationFailed,
  type Resource,
  type RestRequest,
  type RestResult,
  type RestRoute,
} from "./rest";
import { installationJson, repository, userByLogin } from "./shapes";
import { hashToken, issueTokens, liveToken, revokeGrant, tokenLastEight } from "./tokens";

// Installations visible to a user token, /rate_limit, and the OAuth token-management API.

export const listUserInstallations: RestRoute = {
  auth: "required",
  handler: (r) => {
    const token = r.token;
    if (!token || !isGitHubAppToken(r.state, token)) {
      return error(
        403,
        "You must authenticate with an access token authorized to a GitHub App in order to list installations",
        "https://docs.github.com/rest/apps/installations#list-app-installations-accessible-to-the-user-access-token",
      );
    }
    const list = userInstallations(r.state, token);
    const { page, headers } = paginate(r, list);
    return ok({ total_count: list.length, installations: page.map((i) => installationJson(r.state, i)) }, headers);
  },
};

export const listInstallationRepos: RestRoute = {
  auth: "required",
  handler: (r) => {
    const token = r.token;
    if (!token || !isGitHubAppToken(r.state, token)) return notFound();
    const inst = userInstallations(r.state, token).find((i) => String(i.id) === r.params.installation_id);
    if (!inst) return notFound();
    if (inst.suspendedAt) return error(403, "This installation has been suspended", DOCS);
    const repos = installationRepos(r.state, inst).sort((a, b) => a.id - b.id);
    const { page, headers } = paginate(r, repos);
    return ok(
      {
        total_count: repos.length,
        repository_selection: inst.repositorySelection,
        repositories: page.map((repo) => ({
          ...repository(r.state, repo),
          permissions: repoPermissions(r.state, token.login, repo),
        })),
      },
      headers,
    );
  },
};

function rateLimitsFor(
  r: RestRequest,
): Record<Resource, { limit: number; used: number; remaining: number; reset: number }> {
  const one = (resource: Resource) => {
    const w = rateWindow(r.state, rateKey(r.token, r.ctx), resource, r.token === null);
    return { limit: w.limit, used: w.window.used, remaining: w.remaining, reset: w.reset };
  };
  return { core: one("core"), search: one("search") };
}

export const getRateLimit: RestRoute = {
  auth: "optional",
  counts: false,
  handler: (r) => {
    const resources = rateLimitsFor(r);
    return ok({ resources, rate: resources.core });
  },
};

// ---- /applications/{client_id}/token and /grant: HTTP Basic with the app's own credentials ----

function appFromBasic(r: RestRequest) {
  const m = /^Basic\s+(.+)$/i.exec(r.ctx.req.headers.authorization ?? "");
  if (!m?.[1]) return undefined;
  const [id, secret] = Buffer.from(m[1], "base64").toString("utf8").split(":");
  const app = r.state.appByClientId(id);
  return app && app.clientSecret === secret && app.clientId === r.params.client_id ? app : undefined;
}

const badCredentials = (): RestResult => error(401, "Bad credentials");

async function accessTokenParam(r: RestRequest): Promise<string | undefined> {
  const raw = (await r.ctx.body()).toString("utf8");
  try {
    const parsed = raw ? (JSON.parse(raw) as { access_token?: unknown }) : {};
    return typeof parsed.access_token === "string" ? parsed.access_token : undefined;
  } catch {
    return undefined;
  }
}

function authorizationJson(r: RestRequest, t: AccessToken): Record<string, unknown> {
  const app = r.state.appByClientId(t.clientId);
  const created = new Date(t.createdAt).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    id: t.id,
    url: `${r.state.baseUrl}/api/v3/authorizations/${t.id}`,
    app: { name: app?.name ?? "", url: `${r.state.baseUrl}/`, client_id: t.clientId },
    token: t.value,
    hashed_token: hashToken(t.value),
    token_last_eight: tokenLastEight(t.value),
    note: null,
    note_url: null,
    created_at: created,
    updated_at: created,
    scopes: t.scopes,
    fingerprint: null,
    expires_at: t.expiresAt === undefined ? null : new Date(t.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    user: userByLogin(r.state, t.login),
    installation: null,
  };
}

async function liveTokenOfApp(r: RestRequest): Promise<AccessToken | RestResult> {
  const value = await accessTokenParam(r);
  if (!value) return validationFailed('Invalid request.\n\n"access_token" wasn\'t supplied.');
  const t = liveToken(r.state, value);
  return t && t.clientId === r.params.client_id ? t : notFound();
}

const isToken = (x: AccessToken | RestResult): x is AccessToken => "value" in x;

export const checkToken: RestRoute = {
  auth: "basic",
  handler: async (r) => {
    if (!appFromBasic(r)) return badCredentials();
    const t = await liveTokenOfApp(r);
    return isToken(t) ? ok(authorizationJson(r, t)) : t;
  },
};

export const resetToken: RestRoute = {
  auth: "basic",
  handler: async (r) => {
    const app = appFromBasic(r);
    if (!app) return badCredentials();
    const t = await liveTokenOfApp(r);
    if (!isToken(t)) return t;
    t.revoked = true;
    return ok(authorizationJson(r, issueTokens(r.state, app, t.login, t.scopes).access));
  },
};

export const deleteToken: RestRoute = {
  auth: "basic",
  handler: async (r) => {
    if (!appFromBasic(r)) return badCredentials();
    const t = await liveTokenOfApp(r);
    if (!isToken(t)) return t;
    t.revoked = true;
    return { status: 204 };
  },
};

export const deleteGrant: RestRoute = {
  auth: "basic",
  handler: async (r) => {
    if (!appFromBasic(r)) return badCredentials();
    const t = await liveTokenOfApp(r);
    if (!isToken(t)) return t;
    revokeGrant(r.state, t.clientId, t.login);
    return { status: 204 };
  },
};
