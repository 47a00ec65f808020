import { refreshToken } from "@octokit/oauth-methods";
import { Webhooks } from "@octokit/webhooks";
import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS as APPS } from "../src/index";
import { Browser, authorize, emulatorControl, exchange, useEmulatorWithReceiver, tokenFor } from "../src/testing";
import { emulatorRequest } from "./helpers";

const world = useEmulatorWithReceiver();

const status = async (token: string, path = "/user") =>
  (await fetch(`${world.emu.apiUrl}${path}`, { headers: { authorization: `token ${token}` } })).status;
const control = () => emulatorControl(world.emu.url);
const stats = () => control().stats();

async function appTokens(login: string) {
  const app = world.emu.state.apps.githubApp;
  const r = await authorize(new Browser(world.emu.url), { client_id: app.clientId, state: "s" }, { login });
  return (await exchange(world.emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r.code })) as {
    access_token: string;
    refresh_token: string;
  };
}

describe("POST /_emulator/revoke", () => {
  it("kills every token and grant of the user and sends the signed github_app_authorization webhook", async () => {
    const oauth = await tokenFor(world.emu, "octocat");
    const t = await appTokens("octocat");
    const other = await tokenFor(world.emu, "hubot");
    expect(await control().revoke("octocat")).toEqual({ revoked: [APPS.oauthApp.clientId, APPS.githubApp.clientId] });
    expect([await status(oauth), await status(t.access_token), await status(other)]).toEqual([401, 401, 200]);
    const refreshed = await exchange(world.emu, {
      client_id: APPS.githubApp.clientId,
      client_secret: APPS.githubApp.clientSecret,
      grant_type: "refresh_token",
      refresh_token: t.refresh_token,
    });
    expect(refreshed.error).toBe("bad_refresh_token");

    const hook = await world.receiver.waitFor((w) => w.event === "github_app_authorization");
    expect(hook.payload).toMatchObject({ action: "revoked", sender: { login: "octocat" } });
    expect(hook.headers["user-agent"]).toBe("GitHub-Hookshot/emulator");
    expect(hook.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    const webhooks = new Webhooks({ secret: APPS.githubApp.webhookSecret });
    expect(await webhooks.verify(hook.body, String(hook.headers["x-hub-signature-256"]))).toBe(true);
    expect(await new Webhooks({ secret: "wrong" }).verify(hook.body, String(hook.headers["x-hub-signature-256"]))).toBe(
      false,
    );
  });

  it("limits revocation to one app with client_id, and asks for consent again afterwards", async () => {
    const oauth = await tokenFor(world.emu, "octocat");
    // A second OAuth app: the emulator's own demo client, always registered.
    const signIn = await tokenFor(world.emu, "octocat", { clientId: APPS.demoClient.clientId, scope: "read:user" });
    await control().revoke("octocat", { clientId: APPS.oauthApp.clientId });
    expect([await status(oauth), await status(signIn)]).toEqual([401, 200]);
    const again = await authorize(new Browser(world.emu.url), { client_id: APPS.oauthApp.clientId, scope: "repo" });
    expect(again.consentShown).toBe(true);
    expect(world.receiver.received).toHaveLength(0);
  });
});

describe("POST /_emulator/expire", () => {
  it("expires access tokens now; refresh tokens keep working", async () => {
    const t = await appTokens("octocat");
    const hubot = await appTokens("hubot");
    expect(await control().expire("octocat")).toEqual({ expired: 1 });
    expect([await status(t.access_token), await status(hubot.access_token)]).toEqual([401, 200]);
    const { authentication } = await refreshToken({
      clientType: "github-app",
      clientId: APPS.githubApp.clientId,
      clientSecret: APPS.githubApp.clientSecret,
      refreshToken: t.refresh_token,
      request: emulatorRequest(world.emu),
    });
    expect(await status(authentication.token)).toBe(200);
  });
});

describe("faults and latency", () => {
  it("injects a status a number of times, on REST and on the token endpoint, then clears", async () => {
    const token = await tokenFor(world.emu, "octocat");
    await control().addFault({ method: "GET", path: "^/user$", status: 502, times: 2 });
    expect([await status(token), await status(token), await status(token)]).toEqual([502, 502, 200]);

    await control().addFault({ path: "/repos/", status: 500, body: { message: "Server Error" } });
    const res = await fetch(`${world.emu.apiUrl}/repos/octocat/hello-world`, {
      headers: { authorization: `token ${token}` },
    });
    expect([res.status, await res.json()]).toEqual([500, { message: "Server Error" }]);
    await control().clearFaults();
    expect(await status(token, "/repos/octocat/hello-world")).toBe(200);

    await control().addFault({
      path: "^/api/v3/user$",
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "retry-after": "30" },
      times: 1,
    });
    const limited = await fetch(`${world.emu.apiUrl}/user`, { headers: { authorization: `token ${token}` } });
    expect([limited.status, limited.headers.get("x-ratelimit-remaining"), limited.headers.get("retry-after")]).toEqual([
      403,
      "0",
      "30",
    ]);

    await control().addFault({ path: "/login/oauth/access_token", status: 503, times: 1 });
    const failed = await fetch(`${world.emu.url}/login/oauth/access_token`, { method: "POST" });
    expect(failed.status).toBe(503);
  });

  it("delays with delayMs faults and with a fixed latency", async () => {
    const token = await tokenFor(world.emu, "octocat");
    await control().addFault({ path: "/user", delayMs: 150, times: 1 });
    let start = Date.now();
    expect(await status(token)).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    await control().latency(120);
    start = Date.now();
    await status(token);
    expect(Date.now() - start).toBeGreaterThanOrEqual(110);
    await control().reset();
    start = Date.now();
    await status(token);
    expect(Date.now() - start).toBeLessThan(100);
  });
});

describe("GET /_emulator/stats and reset", () => {
  it("counts calls by route template, exchanges and refreshes; reset clears everything", async () => {
    const t = await appTokens("octocat");
    await status(t.access_token);
    await status(t.access_token, "/repos/octocat/hello-world");
    await status(t.access_token, "/repos/octocat/spoon-knife");
    await exchange(world.emu, {
      client_id: APPS.githubApp.clientId,
      client_secret: APPS.githubApp.clientSecret,
      grant_type: "refresh_token",
      refresh_token: t.refresh_token,
    });
    const s = await stats();
    expect(s.calls).toMatchObject({
      "GET /user": 1,
      "GET /repos/{owner}/{repo}": 2,
      "POST /login/oauth/access_token": 2,
    });
    expect([s.codeExchanges, s.refreshes, s.rateLimitCharged, s.notModified]).toEqual([1, 1, 3, 0]);
    expect(s.webhooks).toEqual({ ok: 0, failed: 0, deliveries: [] });
    await control().reset();
    expect(await status(t.access_token)).toBe(401);
    expect((await stats()).calls).toEqual({ "GET /user": 1 });
    expect(await control().health()).toEqual({ ok: true });
  });
});

describe("GET /_emulator/tokens", () => {
  it("lists every token issued since the reset, including rotated ones", async () => {
    const first = await appTokens("octocat");
    const rotated = await refreshToken({
      clientType: "github-app",
      clientId: APPS.githubApp.clientId,
      clientSecret: APPS.githubApp.clientSecret,
      refreshToken: first.refresh_token,
      request: emulatorRequest(world.emu),
    });
    const listed = await control().tokens();
    const values = [...listed.accessTokens, ...listed.refreshTokens].map((t) => t.value);
    expect(values).toEqual(
      expect.arrayContaining([
        first.access_token,
        first.refresh_token,
        rotated.authentication.token,
        rotated.authentication.refreshToken,
      ]),
    );
    await control().reset();
    expect(await control().tokens()).toEqual({ accessTokens: [], refreshTokens: [] });
  });
});

describe("POST /_emulator/tokens", () => {
  it("issues a GitHub App token pair as if the user had authorized the app, and an OAuth token with scopes", async () => {
    const pair = await control().issueToken("octocat");
    expect(pair).toMatchObject({ client_id: APPS.githubApp.clientId, login: "octocat", scopes: [] });
    expect(pair.access_token).toMatch(/^ghu_/);
    expect(pair.refresh_token).toMatch(/^ghr_/);
    expect(Date.parse(pair.expires_at ?? "") - Date.now()).toBeGreaterThan(28700 * 1000);
    expect(await status(pair.access_token)).toBe(200);
    const refreshed = await exchange(world.emu, {
      client_id: APPS.githubApp.clientId,
      client_secret: APPS.githubApp.clientSecret,
      grant_type: "refresh_token",
      refresh_token: pair.refresh_token ?? "",
    });
    expect(refreshed.access_token).toMatch(/^ghu_/);

    const oauth = await control().issueToken("hubot", { clientId: APPS.oauthApp.clientId, scopes: ["repo"] });
    expect([oauth.expires_at, oauth.refresh_token, oauth.scopes]).toEqual([null, null, ["repo"]]);
    expect(await status(oauth.access_token, "/repos/hubot/private-notes")).toBe(200);
    await expect(control().issueToken("nobody")).rejects.toMatchObject({ status: 400 });
  });

  it("revoke with webhook: false revokes without the github_app_authorization delivery", async () => {
    const pair = await control().issueToken("octocat");
    expect(await control().revoke("octocat", { webhook: false })).toEqual({ revoked: [APPS.githubApp.clientId] });
    expect(await status(pair.access_token)).toBe(401);
    await world.emu.settleWebhooks();
    expect((await stats()).webhooks.deliveries).toEqual([]);
  });
});

describe("PATCH /_emulator/repos/{owner}/{repo}/issues/{number}", () => {
  it("changes the issue as GitHub's API then shows it, and sends the signed issues webhook for an installed repository", async () => {
    const token = await tokenFor(world.emu, "octocat");
    const issues = async () =>
      (await (
        await fetch(`${world.emu.apiUrl}/repos/octocat/hello-world/issues?state=all`, {
          headers: { authorization: `token ${token}` },
        })
      ).json()) as { number: number; title: string; state: string; pull_request?: unknown }[];
    const issue = (await issues()).find((i) => !i.pull_request)!;

    expect(await control().updateIssue("octocat/hello-world", issue.number, { state: "closed" })).toMatchObject({
      number: issue.number,
      state: "closed",
      action: "closed",
    });
    expect((await issues()).find((i) => i.number === issue.number)?.state).toBe("closed");

    const hook = await world.receiver.waitFor((w) => w.event === "issues");
    expect(hook.payload).toMatchObject({
      action: "closed",
      issue: { number: issue.number, state: "closed" },
      repository: { full_name: "octocat/hello-world" },
      installation: { id: expect.any(Number) },
    });
    const webhooks = new Webhooks({ secret: APPS.githubApp.webhookSecret });
    expect(await webhooks.verify(hook.body, String(hook.headers["x-hub-signature-256"]))).toBe(true);
  });

  it("closes an issue with GitHub's state_reason (duplicate, not_planned, completed by default) and refuses others", async () => {
    const token = await tokenFor(world.emu, "octocat");
    const reasonOf = async (number: number) =>
      (
        (await (
          await fetch(`${world.emu.apiUrl}/repos/octocat/hello-world/issues/${number}`, {
            headers: { authorization: `token ${token}` },
          })
        ).json()) as { state: string; state_reason: string | null }
      ).state_reason;
    const issue = world.emu.state
      .issuesOf(world.emu.state.repo("octocat", "hello-world")!)
      .find((i) => !i.pull && i.state === "open")!;
    await control().updateIssue("octocat/hello-world", issue.number, { state: "closed", state_reason: "duplicate" });
    expect(await reasonOf(issue.number)).toBe("duplicate");
    await control().updateIssue("octocat/hello-world", issue.number, { state: "open" });
    expect(await reasonOf(issue.number)).toBeNull();
    await control().updateIssue("octocat/hello-world", issue.number, { state: "closed" });
    expect(await reasonOf(issue.number)).toBe("completed");
    await expect(
      control().updateIssue("octocat/hello-world", issue.number, {
        state: "closed",
        state_reason: "bored" as "duplicate",
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("sends pull_request for a pull request, nothing for a repository the App is not installed on, and 404 for no such item", async () => {
    const token = await tokenFor(world.emu, "octocat");
    const pulls = (await (
      await fetch(`${world.emu.apiUrl}/repos/octocat/hello-world/pulls`, {
        headers: { authorization: `token ${token}` },
      })
    ).json()) as { number: number }[];
    await control().updateIssue("octocat/hello-world", pulls[0]!.number, { title: "Renamed" });
    const hook = await world.receiver.waitFor((w) => w.event === "pull_request");
    expect(hook.payload).toMatchObject({
      action: "edited",
      pull_request: { number: pulls[0]!.number, title: "Renamed" },
    });

    // hubot's account has no installation of the App.
    const hubotIssues = (await (
      await fetch(`${world.emu.apiUrl}/repos/hubot/hubot-scripts/issues?state=all`, {
        headers: { authorization: `token ${token}` },
      })
    ).json()) as { number: number }[];
    expect(await control().updateIssue("hubot/hubot-scripts", hubotIssues[0]!.number, { title: "x" })).toMatchObject({
      title: "x",
    });
    await expect(control().updateIssue("octocat/hello-world", 99999, { title: "x" })).rejects.toMatchObject({
      status: 404,
    });
    expect(world.receiver.received.filter((w) => w.event === "issues")).toHaveLength(0);
  });
});
