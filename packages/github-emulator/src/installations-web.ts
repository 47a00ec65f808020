import { isOrgAdmin } from "./access";
import { redirect, sendHtml, withQuery, type Ctx } from "./http";
import { errorPage, esc, hiddenFields, page } from "./html";
import { findInstallation, installOrUpdate, requestInstallation, type InstallChoice } from "./installations";
import type { Account, GitHubApp } from "./model";
import { renderSignIn, sessionLogin } from "./session";
import type { EmulatorState } from "./state";
import { issueCode, recordGrant } from "./tokens";
import type { WebhookSender } from "./webhooks";

// GET /apps/{slug}/installations/new → pick an account → pick repositories → Install / Save / Request.

function signedIn(state: EmulatorState, ctx: Ctx): string | undefined {
  const login = sessionLogin(state, ctx);
  if (!login) renderSignIn(state, ctx, ctx.url.pathname + ctx.url.search);
  return login;
}

function appOr404(state: EmulatorState, ctx: Ctx): GitHubApp | undefined {
  const app = state.githubAppBySlug(ctx.params.slug ?? "");
  if (!app) sendHtml(ctx.res, 404, errorPage("Not Found", "No GitHub App with that name."));
  return app;
}

/** Accounts the user may install on: their own and every org they belong to. */
function accountsFor(state: EmulatorState, login: string): Account[] {
  const me = state.account(login);
  return [...(me ? [me] : []), ...state.orgsOf(login)];
}

const canInstall = (state: EmulatorState, login: string, account: Account) =>
  account.login === login || isOrgAdmin(state, login, account.login);

export function handleInstallPicker(state: EmulatorState, ctx: Ctx): void {
  const app = appOr404(state, ctx);
  if (!app) return;
  const login = signedIn(state, ctx);
  if (!login) return;
  const st = ctx.url.searchParams.get("state") ?? undefined;
  const rows = accountsFor(state, login).map((a) => {
    const href = withQuery(`${state.baseUrl}/apps/${app.slug}/installations/new/permissions`, {
      target_id: String(a.id),
      state: st,
    });
    const installed = findInstallation(state, app, a.login);
    const note = installed
      ? "installed — configure"
      : canInstall(state, login, a)
        ? ""
        : "you are not an owner — you can request it";
    return `<li><a href="${esc(href)}">${esc(a.login)}</a> <span class="muted">${esc(a.type === "Organization" ? "organization" : "personal account")}${note ? ` · ${esc(note)}` : ""}</span></li>`;
  });
  sendHtml(
    ctx.res,
    200,
    page(
      `Install ${app.name}`,
      `<h1>Install ${esc(app.name)}</h1>
<p>Where do you want to install <strong>${esc(app.name)}</strong>? Signed in as <strong>${esc(login)}</strong>.</p>
<ul>${rows.join("")}</ul>`,
    ),
    { "cache-control": "no-store" },
  );
}

export function handleInstallRepositories(state: EmulatorState, ctx: Ctx): void {
  const app = appOr404(state, ctx);
  if (!app) return;
  const login = signedIn(state, ctx);
  if (!login) return;
  const targetId = ctx.url.searchParams.get("target_id");
  const account = accountsFor(state, login).find((a) => String(a.id) === targetId);
  if (!account) return sendHtml(ctx.res, 404, errorPage("Not Found", "You cannot install on that account."));
  const existing = findInstallation(state, app, account.login);
  const admin = canInstall(state, login, account);
  const selection = existing?.repositorySelection ?? "all";
  const repos = state.world.repos.filter((r) => r.owner === account.login);
  const boxes = repos.map((r) => {
    const checked = existing?.repositoryIds.includes(r.id) ? " checked" : "";
    return `<li><label><input type="checkbox" name="repository_ids" value="${r.id}"${checked}> ${esc(`${r.owner}/${r.name}`)}${r.private ? " (private)" : ""}</label></li>`;
  });
  const button = !admin ? "Request" : existing ? "Save" : "Install";
  const permissions = Object.entries(app.permissions)
    .map(([k, v]) => `<li>${esc(v)} access to ${esc(k.replace(/_/g, " "))}</li>`)
    .join("");
  sendHtml(
    ctx.res,
    200,
    page(
      `Install ${app.name}`,
      `<h1>${esc(button)} ${esc(app.name)} on ${esc(account.login)}</h1>
${admin ? "" : `<p class="muted">You are not an owner of ${esc(account.login)}. An owner must approve the request.</p>`}
<form method="post" action="/apps/${esc(app.slug)}/installations">${hiddenFields({ target_id: String(account.id), state: ctx.url.searchParams.get("state") ?? undefined })}
<fieldset><legend>Repository access</legend>
<label><input type="radio" name="repository_selection" value="all"${selection === "all" ? " checked" : ""}> All repositories</label><br>
<label><input type="radio" name="repository_selection" value="selected"${selection === "selected" ? " checked" : ""}> Only select repositories</label>
<ul style="list-style:none">${boxes.join("")}</ul></fieldset>
<h2>Permissions</h2><ul>${permissions}</ul>
<button type="submit" class="primary">${esc(button)}</button></form>`,
    ),
    { "cache-control": "no-store" },
  );
}

export async function handleInstallSubmit(state: EmulatorState, hooks: WebhookSender, ctx: Ctx): Promise<void> {
  const app = appOr404(state, ctx);
  if (!app) return;
  const login = sessionLogin(state, ctx);
  if (!login)
    return sendHtml(
      ctx.res,
      403,
      errorPage("Not signed in", "Your emulator session ended. Start the installation again."),
    );
  const form = new URLSearchParams((await ctx.body()).toString("utf8"));
  const account = accountsFor(state, login).find((a) => String(a.id) === form.get("target_id"));
  if (!account) return sendHtml(ctx.res, 404, errorPage("Not Found", "You cannot install on that account."));
  const selection = form.get("repository_selection") === "selected" ? "selected" : "all";
  const ownIds = new Set(state.world.repos.filter((r) => r.owner === account.login).map((r) => r.id));
  const repositoryIds = form
    .getAll("repository_ids")
    .map(Number)
    .filter((id) => ownIds.has(id));
  if (selection === "selected" && repositoryIds.length === 0) {
    return sendHtml(
      ctx.res,
      422,
      errorPage("Choose repositories", "Select at least one repository, or choose All repositories."),
    );
  }
  const choice: InstallChoice = { account: account.login, repositorySelection: selection, repositoryIds };
  const params: Record<string, string | undefined> = {};
  if (app.requestOAuthOnInstall) {
    // "Request user authorization (OAuth) during installation": the redirect carries a code for this user.
    recordGrant(state, app.clientId, login, []);
    const callback = app.callbackUrls[0] ?? "";
    params.code = issueCode(state, {
      clientId: app.clientId,
      login,
      scopes: [],
      redirectUri: callback,
      redirectUriGiven: false,
    });
  }
  if (canInstall(state, login, account)) {
    const { installation, action } = installOrUpdate(state, hooks, app, choice, login);
    params.installation_id = String(installation.id);
    params.setup_action = action;
  } else {
    requestInstallation(state, app, choice, login);
    params.setup_action = "request";
  }
  params.state = form.get("state") ?? undefined;
  const target = app.setupUrl ?? app.callbackUrls[0];
  if (!target) return sendHtml(ctx.res, 200, page("Installed", `<h1>Done</h1><p>${esc(params.setup_action)}</p>`));
  redirect(ctx.res, withQuery(target, params));
}
