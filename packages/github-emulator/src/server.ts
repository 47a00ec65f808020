import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { addControlRoutes } from "./control";
import { handleAvatar, handleDemoCallback, handleHome } from "./home";
import { Router, bodyReader, sendHtml, sendJson, sleep, type Ctx } from "./http";
import { errorPage } from "./html";
import { handleInstallPicker, handleInstallRepositories, handleInstallSubmit } from "./installations-web";
import { handleAuthorize, handleConsent } from "./oauth-authorize";
import { handleAccessToken } from "./oauth-token";
import { API_PREFIX, DOCS, createRestRouter, dispatchRest } from "./rest";
import {
  checkToken,
  deleteGrant,
  deleteToken,
  getRateLimit,
  listInstallationRepos,
  listUserInstallations,
  resetToken,
} from "./rest-apps";
import { getCombinedStatus, getIssue, getPull, getRepo, listPulls, listRepoIssues, listReviews } from "./rest-repos";
import { listCheckRunsForRef } from "./rest-checks";
import { searchIssuesRoute } from "./rest-search";
import { getUser, getUserByName, getUserEmails, listUserRepos } from "./rest-users";
import { handleSignIn, handleSignOut } from "./session";
import type { EmulatorState, Fault } from "./state";
import type { WebhookSender } from "./webhooks";

// One node:http server: web routes at /, REST at /api/v3, test control at /_emulator.

function buildRest() {
  const rest = createRestRouter();
  rest.add("GET", "/user", getUser);
  rest.add("GET", "/users/{username}", getUserByName);
  rest.add("GET", "/user/emails", getUserEmails);
  rest.add("GET", "/user/repos", listUserRepos);
  rest.add("GET", "/repos/{owner}/{repo}", getRepo);
  rest.add("GET", "/repos/{owner}/{repo}/issues", listRepoIssues);
  rest.add("GET", "/repos/{owner}/{repo}/issues/{issue_number}", getIssue);
  rest.add("GET", "/repos/{owner}/{repo}/pulls", listPulls);
  rest.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", getPull);
  rest.add("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", listReviews);
  rest.add("GET", "/repos/{owner}/{repo}/commits/{ref}/status", getCombinedStatus);
  rest.add("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", listCheckRunsForRef);
  rest.add("GET", "/search/issues", searchIssuesRoute);
  rest.add("GET", "/user/installations", listUserInstallations);
  rest.add("GET", "/user/installations/{installation_id}/repositories", listInstallationRepos);
  rest.add("GET", "/rate_limit", getRateLimit);
  rest.add("POST", "/applications/{client_id}/token", checkToken);
  rest.add("PATCH", "/applications/{client_id}/token", resetToken);
  rest.add("DELETE", "/applications/{client_id}/token", deleteToken);
  rest.add("DELETE", "/applications/{client_id}/grant", deleteGrant);
  return rest;
}

function buildWeb(state: EmulatorState, hooks: WebhookSender): Router {
  const web = new Router();
  web.add("GET", "/", (ctx) => handleHome(state, ctx));
  web.add("GET", "/login/oauth/authorize", (ctx) => handleAuthorize(state, ctx));
  web.add("POST", "/login/oauth/authorize", (ctx) => handleConsent(state, ctx));
  web.add("POST", "/login/oauth/access_token", (ctx) => handleAccessToken(state, ctx));
  web.add("POST", "/session", (ctx) => handleSignIn(state, ctx));
  web.add("POST", "/logout", (ctx) => handleSignOut(state, ctx));
  web.add("GET", "/apps/{slug}/installations/new", (ctx) => handleInstallPicker(state, ctx));
  web.add("GET", "/apps/{slug}/installations/new/permissions", (ctx) => handleInstallRepositories(state, ctx));
  web.add("POST", "/apps/{slug}/installations", (ctx) => handleInstallSubmit(state, hooks, ctx));
  web.add("GET", "/demo/callback", (ctx) => handleDemoCallback(state, ctx));
  web.add("GET", "/avatars/{file}", (ctx) => handleAvatar(state, ctx));
  addControlRoutes(web, state, hooks);
  return web;
}

function matchFault(state: EmulatorState, method: string, paths: string[]): Fault | undefined {
  const fault = state.faults.find(
    (f) =>
      (!f.method || f.method === method) && paths.some((p) => f.path.test(p)) && (f.times === undefined || f.times > 0),
  );
  if (fault?.times !== undefined) fault.times--;
  return fault;
}

/** Applies a fault; returns true when it answered the request itself. */
async function applyFault(res: ServerResponse, fault: Fault): Promise<boolean> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.status === undefined) return false;
  const body = fault.body ?? { message: "Emulated fault", documentation_url: DOCS, status: String(fault.status) };
  if (typeof body === "string") {
    res.writeHead(fault.status, { "content-type": "text/plain; charset=utf-8", ...fault.headers });
    res.end(body);
  } else {
    sendJson(res, fault.status, body, fault.headers);
  }
  return true;
}

export function createEmulatorServer(state: EmulatorState, hooks: WebhookSender): Server {
  const rest = buildRest();
  const web = buildWeb(state, hooks);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", state.baseUrl || "http://127.0.0.1");
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
    const isRest = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
    const restPath = isRest ? path.slice(API_PREFIX.length) || "/" : path;
    const router = isRest ? rest.router : web;
    const match = router.match(method, restPath);
    const route = match && match !== "method" ? match.template : restPath;
    if (!path.startsWith("/_emulator") && !path.startsWith("/avatars/") && match && match !== "method")
      state.countCall(`${method} ${route}`);

    if (isRest || path === "/login/oauth/access_token") {
      if (isRest && state.latencyMs > 0) await sleep(state.latencyMs);
      const fault = matchFault(state, method, [path, restPath]);
      if (fault && (await applyFault(res, fault))) return;
    }
    if (!match || match === "method") {
      if (isRest) return sendJson(res, 404, { message: "Not Found", documentation_url: DOCS, status: "404" });
      return sendHtml(res, match === "method" ? 405 : 404, errorPage("Not Found", `Nothing at ${path}.`));
    }
    const ctx: Ctx = { req, res, method, url, params: match.params, route, body: bodyReader(req) };
    if (isRest) {
      const restRoute = rest.routes.get(`${method} ${match.template}`);
      if (restRoute) return dispatchRest(state, ctx, restRoute);
    }
    await match.handler(ctx);
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error("[github-emulator]", err);
      if (!res.headersSent) sendJson(res, 500, { message: "Emulator error", documentation_url: DOCS, status: "500" });
      else res.end();
    });
  });
}
