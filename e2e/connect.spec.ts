import { appDatabase, rawDatabaseFile } from "./support/app-database";
import { emulatorControl } from "./support/emulator-control";
import { authorizeAndCaptureCallback, connectThrough, expect, freshWorld, Hublink, test } from "./support/fixtures";
import { E2E_APP_URL, E2E_SERVER_LOG } from "./config";
import { readFileSync } from "node:fs";
import type { Response } from "@playwright/test";

test.beforeEach(async () => {
  await freshWorld("octocat", "hubot", "monalisa");
});

async function connectionOf(login: string) {
  return appDatabase().gitHubConnection.findFirst({ where: { user: { login } } });
}

test("sign in, then connect GitHub and see the connection", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: "Connect GitHub" })).toBeVisible();

  // Sign-in asked for identity only and kept no GitHub token.
  const account = await appDatabase().account.findFirstOrThrow({ where: { user: { login: "octocat" } } });
  expect(account).toMatchObject({ provider: "github", access_token: null, refresh_token: null, id_token: null });
  expect(account.scope).toBe("read:user,user:email");

  await hublink.connect("octocat");
  await expect(page).toHaveURL(/\/settings\/connections$/);
  await expect(page.getByText("GitHub App user token")).toBeVisible();
  await expect(page.getByText("Token expires")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Connected")).toBeVisible();
  await expect(page.getByRole("list").filter({ hasText: "connected" }).first()).toBeVisible();

  const stored = await connectionOf("octocat");
  expect(stored).toMatchObject({ status: "connected", kind: "github_app", login: "octocat" });
  expect(stored?.accessTokenCiphertext).toMatch(/^v2\./);
  expect(stored?.refreshTokenCiphertext).toMatch(/^v2\./);
});

test("signed-out visits go to sign-in and come back to the page", async ({ page }) => {
  await page.goto("/settings/connections");
  await expect(page).toHaveURL(/\/\?returnTo=%2Fsettings%2Fconnections/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: "hubot", exact: true }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await expect(page).toHaveURL(/\/settings\/connections$/);
  await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
});

test("cancelling sign-in at GitHub says so and keeps the page the person was going to", async ({ page }) => {
  await page.goto("/pulls");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: "hubot", exact: true }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  // Scoped to main: once the page hydrates, Next.js's route announcer is a second (empty) alert.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "You cancelled signing in at GitHub. Sign in again when you are ready.",
  );
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await expect(page).toHaveURL(/\/pulls$/);
});

test("Cancel on GitHub's consent page stores nothing and says so", async ({ page, hublink }) => {
  await hublink.signIn("monalisa");
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Connect GitHub" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("You cancelled connecting GitHub");
  await expect(page.getByRole("link", { name: "Connect GitHub" })).toBeVisible();
  expect(await connectionOf("monalisa")).toBeNull();
});

test("a forged callback with another browser's code is rejected and stores nothing for the victim", async ({
  page,
  hublink,
  browser,
}) => {
  // The attacker authorizes in their own browser and keeps GitHub's callback URL instead of following it.
  const attackerContext = await browser.newContext();
  const attackerPage = await attackerContext.newPage();
  await new Hublink(attackerPage).signIn("hubot");
  const attackerCallback = await authorizeAndCaptureCallback(attackerPage);
  await attackerContext.close();

  // The victim is lured to it.
  await hublink.signIn("octocat");
  await page.goto(attackerCallback);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This GitHub response was not expected");
  expect(await connectionOf("octocat")).toBeNull();
  expect(await connectionOf("hubot")).toBeNull();
  // The attacker's code was never exchanged: only the two sign-ins were.
  expect((await emulatorControl.stats()).codeExchanges).toBe(2);
});

test("a made-up state is rejected", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  const callback = new URL(await authorizeAndCaptureCallback(page));
  callback.searchParams.set("state", "made-up-state");
  await page.goto(callback.toString());
  await expect(page.getByRole("main").getByRole("alert")).toContainText("did not match your connection attempt");
  expect(await connectionOf("octocat")).toBeNull();
});

test("a replayed callback URL is rejected", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  let callback = "";
  page.on("request", (request) => {
    if (request.url().includes("/api/github/callback?")) callback = request.url();
  });
  await hublink.connect("octocat");
  const before = await connectionOf("octocat");

  await page.goto(callback);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This GitHub response was not expected");
  const after = await connectionOf("octocat");
  expect(after?.version).toBe(before?.version);
  expect(after?.accessTokenCiphertext).toBe(before?.accessTokenCiphertext);
});

test("open-redirect returnTo values land on the dashboard", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  for (const returnTo of ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
    await freshConnection();
    await connectThrough(page, `/api/github/connect?returnTo=${encodeURIComponent(returnTo)}`);
    await expect(page).toHaveURL(`${E2E_APP_URL}/dashboard`);
  }
  async function freshConnection() {
    await appDatabase().gitHubConnection.deleteMany({ where: { user: { login: "octocat" } } });
  }
});

test("disconnect revokes the grant at GitHub, forgets cached GitHub data and shows Not connected", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  // The dashboard leaves conditional-request cache entries (private repository data among them).
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "octocat/secret-plans" }).first()).toBeVisible();
  const { id: userId } = await appDatabase().user.findFirstOrThrow({ where: { login: "octocat" } });
  expect(await appDatabase().gitHubResponseCache.count({ where: { userId } })).toBeGreaterThan(0);

  await page.goto("/settings/connections");
  await page.getByText("Disconnect GitHub…").click();
  await expect(page.getByText("Hublink deletes the tokens it stores for @octocat")).toBeVisible();
  await page.getByRole("button", { name: "Yes, disconnect GitHub" }).click();
  await expect(page.getByRole("status")).toContainText("GitHub confirmed that Hublink's access is revoked");
  await expect(page.getByRole("link", { name: "Connect GitHub" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Not connected")).toBeVisible();

  const stats = await emulatorControl.stats();
  expect(stats.calls["DELETE /applications/{client_id}/grant"]).toBe(1);
  const stored = await connectionOf("octocat");
  expect(stored).toMatchObject({ status: "disconnected", accessTokenCiphertext: null, refreshTokenCiphertext: null });
  expect(await appDatabase().gitHubResponseCache.count({ where: { userId } })).toBe(0);
});

test("no token issued by GitHub appears in the server log, the database, response headers or pages", async ({
  page,
  hublink,
}) => {
  // Everything the browser received on the way: every header of every response, every HTML page.
  // Each response is read asynchronously; the reads are awaited before the page closes, or a read still
  // running would fail after this test and be reported against the next one.
  const seen: string[] = [];
  const reads: Promise<void>[] = [];
  const record = (response: Response) => {
    reads.push(
      (async () => {
        seen.push(JSON.stringify(await response.allHeaders()));
        if (response.request().resourceType() === "document") seen.push(await response.text().catch(() => ""));
      })(),
    );
  };
  page.on("response", record);
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto("/dashboard");
  await page.goto("/settings/connections");
  page.off("response", record);
  await Promise.all(reads);
  const { accessTokens, refreshTokens } = await emulatorControl.tokens();
  const tokens = [...accessTokens, ...refreshTokens].map((t) => t.value);
  expect(tokens.length).toBeGreaterThanOrEqual(3); // sign-in token, connect access + refresh token

  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  const database = rawDatabaseFile();
  const browser = seen.join("\n");
  for (const token of tokens) {
    expect(log).not.toContain(token);
    expect(database).not.toContain(token);
    expect(browser).not.toContain(token);
    // Not even the token without its prefix.
    expect(database).not.toContain(token.slice(4));
  }
  // Nor anything derived from a token in the history (its last characters were once kept there).
  const events = await appDatabase().connectionEvent.findMany({ where: { user: { login: "octocat" } } });
  const values = events.flatMap((event) => Object.values(JSON.parse(event.detail) as Record<string, unknown>));
  for (const token of tokens) expect(values).not.toContain(token.slice(-4));
});

test("connecting needs a signed-in person: 401 for a script, sign-in for a browser", async ({ page, request }) => {
  const response = await request.get("/api/github/connect?returnTo=/repos", {
    headers: { accept: "application/json" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in to Hublink first." });

  await page.goto("/api/github/connect?returnTo=/repos");
  await expect(page).toHaveURL(
    `${E2E_APP_URL}/?returnTo=${encodeURIComponent("/api/github/connect?returnTo=%2Frepos")}`,
  );
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
});
