import { readJson, sendJson, type Ctx, type Router } from "./http";
import { approveRequest, deleteInstallation, setSuspended } from "./installations";
import { STATE_REASONS } from "./model";
import type { EmulatorState, Fault } from "./state";
import { issueTokens, parseScopes, recordGrant, revokeGrant } from "./tokens";
import type { WebhookSender } from "./webhooks";

// Test control under /_emulator (JSON in, JSON out). Not part of GitHub: tests and demo tooling only.

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function bad(ctx: Ctx, message: string): void {
  sendJson(ctx.res, 400, { error: message });
}

export function addControlRoutes(router: Router, state: EmulatorState, hooks: WebhookSender): void {
  const r = (method: string, path: string, fn: (ctx: Ctx, body: Record<string, unknown>) => void | Promise<void>) =>
    router.add(method, `/_emulator${path}`, async (ctx) => {
      let body: Record<string, unknown> = {};
      try {
        body = method === "GET" ? {} : await readJson(ctx);
      } catch {
        return bad(ctx, "Body must be JSON.");
      }
      await fn(ctx, body);
    });

  r("GET", "/health", (ctx) => sendJson(ctx.res, 200, { ok: true }));

  r("POST", "/reset", (ctx) => {
    state.reset();
    sendJson(ctx.res, 200, { ok: true });
  });

  r("GET", "/stats", (ctx) => sendJson(ctx.res, 200, state.stats));

  // Every token value issued since the last reset, live or not: lets a test prove that none of them
  // leaked into an app's logs or database.
  r("GET", "/tokens", (ctx) =>
    sendJson(ctx.res, 200, {
      accessTokens: [...state.tokens.values()].map((t) => ({ value: t.value, login: t.login, client_id: t.clientId })),
      refreshTokens: [...state.refreshTokens.values()].map((t) => ({
        value: t.value,
        login: t.login,
        client_id: t.clientId,
      })),
    }),
  );

  // A token pair as if `login` had authorized the app (grant included), without clicking through the pages.
  r("POST", "/tokens", (ctx, body) => {
    const user = state.account(str(body.login));
    if (!user || user.type !== "User") return bad(ctx, "login must name a seeded user.");
    const clientId = str(body.client_id) ?? state.apps.githubApp.clientId;
    const app = state.registeredApps().find((a) => a.clientId === clientId);
    if (!app) return bad(ctx, "client_id must name a registered app.");
    const scopes =
      app.kind === "github_app"
        ? []
        : parseScopes(Array.isArray(body.scopes) ? body.scopes.join(" ") : str(body.scopes));
    recordGrant(state, app.clientId, user.login, scopes);
    const { access, refresh } = issueTokens(state, app, user.login, scopes);
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    sendJson(ctx.res, 200, {
      access_token: access.value,
      expires_at: iso(access.expiresAt),
      refresh_token: refresh?.value ?? null,
      refresh_token_expires_at: iso(refresh?.expiresAt),
      scopes: access.scopes,
      client_id: app.clientId,
      login: user.login,
    });
  });

  r("POST", "/revoke", (ctx, body) => {
    const login = str(body.login);
    const user = state.account(login);
    if (!user) return bad(ctx, "login must name a seeded user.");
    const clientId = str(body.client_id);
    const revoked: string[] = [];
    for (const app of state.registeredApps()) {
      if (clientId && app.clientId !== clientId) continue;
      if (!revokeGrant(state, app.clientId, user.login)) continue;
      revoked.push(app.clientId);
      if (app.kind === "github_app" && body.webhook !== false) hooks.authorizationRevoked(user.login);
    }
    sendJson(ctx.res, 200, { revoked });
  });

  r("POST", "/expire", (ctx, body) => {
    const login = str(body.login);
    const clientId = str(body.client_id);
    let expired = 0;
    const now = state.now();
    for (const t of state.tokens.values()) {
      if ((login && t.login.toLowerCase() !== login.toLowerCase()) || (clientId && t.clientId !== clientId)) continue;
      if (t.revoked || (t.expiresAt !== undefined && t.expiresAt <= now)) continue;
      t.expiresAt = now - 1;
      expired++;
    }
    sendJson(ctx.res, 200, { expired });
  });

  r("POST", "/faults", (ctx, body) => {
    const path = str(body.path);
    if (!path) return bad(ctx, "path (a regular expression) is required.");
    let regex: RegExp;
    try {
      regex = new RegExp(path);
    } catch {
      return bad(ctx, "path is not a valid regular expression.");
    }
    const headers =
      body.headers && typeof body.headers === "object" && !Array.isArray(body.headers)
        ? Object.fromEntries(Object.entries(body.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
        : undefined;
    const fault: Fault = {
      method: str(body.method)?.toUpperCase(),
      path: regex,
      status: num(body.status),
      body: body.body,
      delayMs: num(body.delayMs),
      times: num(body.times),
      headers,
    };
    state.faults.push(fault);
    sendJson(ctx.res, 200, { faults: state.faults.length });
  });

  r("DELETE", "/faults", (ctx) => {
    state.faults = [];
    sendJson(ctx.res, 200, { faults: 0 });
  });

  r("POST", "/latency", (ctx, body) => {
    const ms = num(body.ms);
    if (ms === undefined || ms < 0) return bad(ctx, "ms must be a number ≥ 0.");
    state.latencyMs = ms;
    sendJson(ctx.res, 200, { ms });
  });

  // Changes an issue or pull request (title, body, state) as its author would on GitHub, and sends
  // the `issues` / `pull_request` webhook GitHub would send to an App installed on the repository.
  r("PATCH", "/repos/{owner}/{repo}/issues/{number}", (ctx, body) => {
    const repo = state.repo(ctx.params.owner ?? "", ctx.params.repo ?? "");
    const item = repo && state.issuesOf(repo).find((i) => String(i.number) === ctx.params.number);
    if (!repo || !item) return sendJson(ctx.res, 404, { error: "No issue or pull request with that number." });
    const stateChange = str(body.state);
    if (stateChange !== undefined && stateChange !== "open" && stateChange !== "closed") {
      return bad(ctx, "state must be open or closed.");
    }
    const reason = str(body.state_reason);
    const stateReason = STATE_REASONS.find((r) => r === reason);
    if (reason !== undefined && !stateReason)
      return bad(ctx, `state_reason must be one of ${STATE_REASONS.join(", ")}.`);
    const at = new Date(state.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
    const action =
      stateChange && stateChange !== item.state ? (stateChange === "closed" ? "closed" : "reopened") : "edited";
    if (str(body.title)) item.title = str(body.title)!;
    if (typeof body.body === "string") item.body = body.body;
    if (stateChange) {
      item.state = stateChange;
      item.closedAt = stateChange === "closed" ? at : null;
      // Closing without a reason is "completed", as on GitHub; reopening forgets the old reason.
      item.stateReason = stateChange === "closed" ? (stateReason ?? "completed") : undefined;
    } else if (stateReason && item.state === "closed") {
      item.stateReason = stateReason;
    }
    item.updatedAt = at;
    hooks.itemChanged(repo, item, action, str(body.sender) ?? item.user);
    sendJson(ctx.res, 200, { number: item.number, state: item.state, title: item.title, action });
  });

  r("GET", "/installations/requests", (ctx) =>
    sendJson(ctx.res, 200, {
      requests: state.installationRequests.map((q) => ({
        id: q.id,
        account: q.account,
        requester: q.requester,
        repository_selection: q.repositorySelection,
        repository_ids: q.repositoryIds,
        created_at: q.createdAt,
      })),
    }),
  );

  r("POST", "/installations/requests/{id}/approve", (ctx, body) => {
    const inst = approveRequest(state, hooks, Number(ctx.params.id), str(body.approver));
    if (!inst) return sendJson(ctx.res, 404, { error: "No pending installation request with that id." });
    sendJson(ctx.res, 200, { installation_id: inst.id, account: inst.account });
  });

  r("GET", "/installations", (ctx) =>
    sendJson(ctx.res, 200, {
      installations: state.installations.map((i) => ({
        id: i.id,
        account: i.account,
        repository_selection: i.repositorySelection,
        repository_ids: i.repositoryIds,
        suspended_at: i.suspendedAt,
      })),
    }),
  );

  const withInstallation = (ctx: Ctx, fn: (inst: NonNullable<ReturnType<typeof state.installations.find>>) => void) => {
    const inst = state.installations.find((i) => String(i.id) === ctx.params.id);
    if (!inst) return sendJson(ctx.res, 404, { error: "No installation with that id." });
    fn(inst);
    sendJson(ctx.res, 200, { ok: true });
  };
  const actor = (body: Record<string, unknown>, account: string) => {
    const org = state.account(account);
    return str(body.sender) ?? (org && "admins" in org ? org.admins[0] : undefined) ?? account;
  };
  r("POST", "/installations/{id}/suspend", (ctx, body) =>
    withInstallation(ctx, (i) => setSuspended(state, hooks, i, true, actor(body, i.account))),
  );
  r("POST", "/installations/{id}/unsuspend", (ctx, body) =>
    withInstallation(ctx, (i) => setSuspended(state, hooks, i, false, actor(body, i.account))),
  );
  r("DELETE", "/installations/{id}", (ctx, body) =>
    withInstallation(ctx, (i) => deleteInstallation(state, hooks, i, actor(body, i.account))),
  );
}
