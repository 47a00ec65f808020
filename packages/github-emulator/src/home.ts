import { DEFAULT_CREDENTIALS } from "./apps";
import { sendHtml, withQuery, type Ctx } from "./http";
import { esc, page } from "./html";
import { sessionLogin } from "./session";
import type { EmulatorState } from "./state";

// The emulator's home page, its demo callback page and avatars: enough to click through sign-in by hand.

export function handleHome(state: EmulatorState, ctx: Ctx): void {
  const login = sessionLogin(state, ctx);
  const apps = state.registeredApps().map((a) => {
    const cb = a.kind === "github_app" ? a.callbackUrls.join(", ") : a.callbackUrl;
    const extra =
      a.kind === "github_app"
        ? ` · slug <code>${esc(a.slug)}</code> · app id ${a.id} · webhook <code>${esc(a.webhookUrl ?? "none")}</code>`
        : "";
    return `<tr><td>${esc(a.name)}<br><span class="muted">${a.kind === "github_app" ? "GitHub App" : "OAuth App"}</span></td><td><code>${esc(a.clientId)}</code></td><td><code>${esc(a.clientSecret)}</code></td><td><code>${esc(cb)}</code>${extra}</td></tr>`;
  });
  const users = state.users().map((u) => {
    const repos = state.world.repos.filter((r) => r.owner === u.login);
    return `<li><img src="${esc(`/avatars/${u.login}.png`)}" alt=""><strong>${esc(u.login)}</strong><span class="muted">${esc(u.name)} · ${repos.length} repositories</span></li>`;
  });
  const tryUrl = withQuery(`${state.baseUrl}/login/oauth/authorize`, {
    client_id: DEFAULT_CREDENTIALS.demoClient.clientId,
    scope: "read:user user:email",
    state: "try-it-state",
    prompt: "select_account",
  });
  const appTryUrl = withQuery(`${state.baseUrl}/apps/${state.apps.githubApp.slug}/installations/new`, {
    state: "try-install",
  });
  sendHtml(
    ctx.res,
    200,
    page(
      "Home",
      `<h1>GitHub Emulator</h1>
<p>A local stand-in for GitHub (Enterprise Server layout): web at <code>${esc(state.baseUrl)}/</code>, REST at <code>${esc(state.baseUrl)}/api/v3</code>.
${login ? `Signed in as <strong>${esc(login)}</strong>. <form method="post" action="/logout" style="display:inline"><button type="submit">Sign out</button></form>` : "Not signed in."}</p>
<p><a href="${esc(tryUrl)}">Try sign-in and consent</a> with the emulator's own demo app — you end on a page that shows the code and state.</p>
<p><a href="${esc(appTryUrl)}">Install the demo GitHub App</a> (redirects to the app's setup URL afterwards).</p>
<h2>Registered apps</h2><p class="muted">Demo credentials: not secrets.</p>
<table><tr><th>App</th><th>client_id</th><th>client_secret</th><th>callback</th></tr>${apps.join("")}</table>
<h2>Seeded users</h2><ul class="users">${users.join("")}</ul>
<p class="muted">Organization <strong>octo-org</strong>: octocat is an admin, hubot a member. The demo app is installed on octocat's account (all repositories).</p>`,
    ),
  );
}

export function handleDemoCallback(state: EmulatorState, ctx: Ctx): void {
  const p = ctx.url.searchParams;
  const rows = [...p.entries()].map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join("");
  const curl = p.get("code")
    ? `<p>Exchange it within 10 minutes:</p><pre><code>curl -s -X POST -H 'Accept: application/json' ${esc(state.baseUrl)}/login/oauth/access_token \\
  -d client_id=${esc(DEFAULT_CREDENTIALS.demoClient.clientId)} -d client_secret=${esc(DEFAULT_CREDENTIALS.demoClient.clientSecret)} -d code=${esc(p.get("code") ?? "")}</code></pre>`
    : "";
  sendHtml(
    ctx.res,
    200,
    page(
      "Callback",
      `<h1>${p.get("error") ? "Authorization denied" : "Authorized"}</h1><table>${rows}</table>${curl}<p><a href="/">Emulator home</a></p>`,
    ),
  );
}

const COLORS = ["#0969da", "#1a7f37", "#8250df", "#bf3989", "#bc4c00", "#1f883d"];

/** A small generated avatar (SVG) with the login's initial; the URL keeps GitHub's `.png`-style look. */
export function handleAvatar(_state: EmulatorState, ctx: Ctx): void {
  const login = (ctx.params.file ?? "").replace(/\.png$/, "");
  const color = COLORS[[...login].reduce((a, c) => a + c.charCodeAt(0), 0) % COLORS.length] ?? "#0969da";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" fill="${color}"/><text x="48" y="62" font-family="Arial, sans-serif" font-size="44" fill="#fff" text-anchor="middle">${esc((login[0] ?? "?").toUpperCase())}</text></svg>`;
  ctx.res.writeHead(200, {
    "content-type": "image/svg+xml",
    "cache-control": "public, max-age=86400",
    "content-length": Buffer.byteLength(svg),
  });
  ctx.res.end(svg);
}
