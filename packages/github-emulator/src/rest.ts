import { createHash, randomUUID } from "node:crypto";
import { isGitHubAppToken } from "./access";
import { Router, sendJson, type Ctx } from "./http";
import type { AccessToken } from "./model";
import type { EmulatorState } from "./state";
import { liveToken } from "./tokens";

// The REST pipeline under /api/v3: authentication, rate limits, ETag/304, GitHub's headers.

export const API_PREFIX = "/api/v3";
export const DOCS = "https://docs.github.com/rest";

export type Resource = "core" | "search";

export interface RestRequest {
  state: EmulatorState;
  ctx: Ctx;
  token: AccessToken | null;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  /** "basic" routes authenticate the app themselves (HTTP Basic client_id:client_secret). */
  auth: "required" | "optional" | "basic";
  resource?: Resource;
  /** Value of X-Accepted-OAuth-Scopes. */
  acceptedScopes?: string;
  /** false for /rate_limit, which GitHub does not count. */
  counts?: boolean;
  handler: (r: RestRequest) => RestResult | Promise<RestResult>;
}

export const LIMITS: Record<Resource, { limit: number; anonymous: number; windowMs: number }> = {
  core: { limit: 5000, anonymous: 60, windowMs: 3600_000 },
  search: { limit: 30, anonymous: 10, windowMs: 60_000 },
};

export function error(
  status: number,
  message: string,
  documentation = DOCS,
  extra: Record<string, unknown> = {},
): RestResult {
  return { status, body: { message, documentation_url: documentation, status: String(status), ...extra } };
}

export const notFound = () => error(404, "Not Found");

/** A GitHub App token without the repository permission an endpoint needs. */
export const notAccessibleByIntegration = () =>
  error(403, "Resource not accessible by integration", "https://docs.github.com/rest");

export function rateKey(token: AccessToken | null, ctx: Ctx): string {
  return token ? `${token.clientId} ${token.login}` : `ip ${ctx.req.socket.remoteAddress ?? "?"}`;
}

/** Current window for a holder and resource, opened on first use. */
export function rateWindow(state: EmulatorState, key: string, resource: Resource, anonymous: boolean) {
  const spec = LIMITS[resource];
  const k = `${key} ${resource}`;
  const now = state.now();
  let w = state.rateLimits.get(k);
  if (!w || w.resetAt <= now) {
    w = { used: 0, resetAt: now + spec.windowMs };
    state.rateLimits.set(k, w);
  }
  const limit = anonymous ? spec.anonymous : spec.limit;
  return { window: w, limit, remaining: Math.max(0, limit - w.used), reset: Math.ceil(w.resetAt / 1000) };
}

function bearer(ctx: Ctx): string | undefined | null {
  const h = ctx.req.headers.authorization;
  if (!h) return undefined;
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(h.trim());
  return m?.[1] ?? null;
}

/** REST routes live in a map keyed "METHOD template"; the router only resolves paths to templates. */
export function createRestRouter(): {
  router: Router;
  routes: Map<string, RestRoute>;
  add: (method: string, template: string, route: RestRoute) => void;
} {
  const router = new Router();
  const routes = new Map<string, RestRoute>();
  return {
    router,
    routes,
    add(method, template, route) {
      routes.set(`${method} ${template}`, route);
      router.add(method, template, () => undefined);
    },
  };
}

export async function dispatchRest(state: EmulatorState, ctx: Ctx, route: RestRoute): Promise<void> {
  const headers: Record<string, string> = {
    "cache-control": "private, max-age=60, s-maxage=60",
    vary: "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding",
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    "x-github-request-id": randomUUID().toUpperCase(),
    "access-control-expose-headers":
      "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type",
  };
  let token: AccessToken | null = null;
  if (route.auth !== "basic") {
    const raw = bearer(ctx);
    if (raw !== undefined) {
      token = liveToken(state, raw ?? undefined) ?? null;
      if (!token)
        return sendJson(ctx.res, 401, { message: "Bad credentials", documentation_url: DOCS, status: "401" }, headers);
    } else if (route.auth === "required") {
      return sendJson(
        ctx.res,
        401,
        { message: "Requires authentication", documentation_url: DOCS, status: "401" },
        headers,
      );
    }
  }
  if (token && !isGitHubAppToken(state, token)) {
    headers["x-oauth-scopes"] = token.scopes.join(", ");
    headers["x-accepted-oauth-scopes"] = route.acceptedScopes ?? "";
  }

  const resource = route.resource ?? "core";
  const counts = route.counts !== false && route.auth !== "basic";
  const rl = rateWindow(state, rateKey(token, ctx), resource, token === null);
  const rateHeaders = (used: number) => ({
    "x-ratelimit-limit": String(rl.limit),
    "x-ratelimit-remaining": String(Math.max(0, rl.limit - used)),
    "x-ratelimit-used": String(used),
    "x-ratelimit-reset": String(rl.reset),
    "x-ratelimit-resource": resource,
  });
  if (counts && rl.remaining <= 0) {
    const retryAfter = Math.max(1, rl.reset - Math.floor(state.now() / 1000));
    const who = token
      ? `for user ID ${state.account(token.login)?.id ?? 0}`
      : `for ${ctx.req.socket.remoteAddress ?? "this address"}`;
    return sendJson(
      ctx.res,
      403,
      {
        message: `API rate limit exceeded ${who}.`,
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        status: "403",
      },
      { ...headers, ...rateHeaders(rl.window.used), "retry-after": String(retryAfter) },
    );
  }

  const result = await route.handler({ state, ctx, token, params: ctx.params, query: ctx.url.searchParams });
  Object.assign(headers, result.headers ?? {});
  if (result.body === undefined) {
    if (counts) chargeRate(state, rl.window);
    ctx.res.writeHead(result.status, { ...headers, ...(counts ? rateHeaders(rl.window.used) : {}) });
    ctx.res.end();
    return;
  }
  const text = JSON.stringify(result.body);
  if (ctx.method === "GET" && result.status === 200) {
    const etag = `"${createHash("sha256").update(text).digest("hex").slice(0, 40)}"`;
    headers.etag = etag;
    const inm = ctx.req.headers["if-none-match"];
    if (inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
      // Conditional hits are free on GitHub: they do not count against the primary rate limit.
      state.stats.notModified++;
      ctx.res.writeHead(304, { ...headers, ...(counts ? rateHeaders(rl.window.used) : {}) });
      ctx.res.end();
      return;
    }
  }
  if (counts) chargeRate(state, rl.window);
  sendJson(ctx.res, result.status, result.body, { ...headers, ...(counts ? rateHeaders(rl.window.used) : {}) });
}

function chargeRate(state: EmulatorState, window: { used: number }): void {
  window.used++;
  state.stats.rateLimitCharged++;
}

/** GitHub's page/per_page handling and Link header (rel order next, last, then prev, first). */
export function paginate<T>(
  r: RestRequest,
  items: T[],
  defaultPerPage = 30,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(r.query.get("per_page") ?? "", 10) || defaultPerPage));
  const pageNo = Math.max(1, Number.parseInt(r.query.get("page") ?? "", 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const headers: Record<string, string> = {};
  if (last > 1) {
    const url = (n: number) => {
      const q = new URLSearchParams(r.query);
      q.delete("page");
      q.append("page", String(n));
      return `<${r.state.baseUrl}${r.ctx.url.pathname}?${q.toString()}>`;
    };
    const links: string[] = [];
    if (pageNo > 1) links.push(`${url(Math.min(pageNo - 1, last))}; rel="prev"`);
    if (pageNo < last) links.push(`${url(pageNo + 1)}; rel="next"`, `${url(last)}; rel="last"`);
    if (pageNo > 1) links.push(`${url(1)}; rel="first"`);
    if (links.length) headers.link = links.join(", ");
  }
  return { page: slice, headers };
}

export function ok(body: unknown, headers?: Record<string, string>): RestResult {
  return { status: 200, body, headers };
}

export function validationFailed(message: string): RestResult {
  return error(422, message, DOCS);
}
