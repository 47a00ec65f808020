import { randomBytes } from "node:crypto";
import { cookies, readParams, redirect, sendHtml, type Ctx } from "./http";
import { esc, hiddenFields, page } from "./html";
import { avatarUrl } from "./shapes";
import type { EmulatorState } from "./state";

// The emulator's own sign-in: a cookie-backed session naming the seeded user who "logged in".

export const SESSION_COOKIE = "github_emulator_session";

export function sessionLogin(state: EmulatorState, ctx: Ctx): string | undefined {
  const id = cookies(ctx.req)[SESSION_COOKIE];
  return id ? state.sessions.get(id) : undefined;
}

/** The user picker. Each button's accessible name is exactly the login. */
export function renderSignIn(state: EmulatorState, ctx: Ctx, returnTo: string, preselect?: string | null): void {
  const items = state.users().map((u) => {
    const focus = preselect && u.login.toLowerCase() === preselect.toLowerCase();
    return `<li><img src="${esc(avatarUrl(state, u.login))}" alt=""><button type="submit" name="login" value="${esc(u.login)}"${focus ? ' class="primary" autofocus' : ""}>${esc(u.login)}</button><span class="muted">${esc(u.name)}</span></li>`;
  });
  const html = page(
    "Sign in",
    `<h1>Sign in to GitHub Emulator</h1>
<p class="muted">Pick a seeded user. No password: this is a local emulator.</p>
<form method="post" action="/session">${hiddenFields({ return_to: returnTo })}<ul class="users">${items.join("\n")}</ul></form>`,
  );
  sendHtml(ctx.res, 200, html, { "cache-control": "no-store" });
}

/** POST /session — signs the chosen user in and returns to the flow that asked. */
export async function handleSignIn(state: EmulatorState, ctx: Ctx): Promise<void> {
  const params = await readParams(ctx);
  const user = state.account(params.login);
  if (!user || user.type !== "User") {
    sendHtml(
      ctx.res,
      422,
      page("Sign in", `<h1>Unknown user</h1><p>${esc(params.login ?? "")} is not a seeded user.</p>`),
    );
    return;
  }
  const id = randomBytes(16).toString("hex");
  state.sessions.set(id, user.login);
  const returnTo = params.return_to?.startsWith("/") && !params.return_to.startsWith("//") ? params.return_to : "/";
  redirect(ctx.res, returnTo, { "set-cookie": `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` });
}

/** POST /logout */
export function handleSignOut(state: EmulatorState, ctx: Ctx): void {
  const id = cookies(ctx.req)[SESSION_COOKIE];
  if (id) state.sessions.delete(id);
  redirect(ctx.res, "/", { "set-cookie": `${SESSION_COOKIE}=; Path=/; Max-Age=0` });
}
