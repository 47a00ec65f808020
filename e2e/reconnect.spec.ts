import { DEMO_GITHUB_APP } from "../lib/config/demo";
import { appDatabase } from "./support/app-database";
import { emulatorControl } from "./support/emulator-control";
import { expect, freshWorld, test } from "./support/fixtures";
import { E2E_EMULATOR_URL } from "./config";

// Keeping the connection alive, seen from the browser: a revocation at GitHub is noticed and the
// person is sent to /reconnect with an explanation, and reconnecting brings them back.

test.beforeEach(async () => {
  await freshWorld("octocat");
});

const connectionEvents = async () =>
  (
    await appDatabase().connectionEvent.findMany({
      where: { user: { login: "octocat" } },
      orderBy: { createdAt: "asc" },
    })
  ).map((e) => e.type);

/** GitHub's DELETE /applications/{client_id}/grant: the grant dies and, unlike a revocation in GitHub's settings, no webhook tells Hublink. */
async function revokeGrantWithoutWebhook(login: string) {
  const { accessTokens } = await emulatorControl.tokens();
  const token = accessTokens.filter((t) => t.login === login && t.client_id === DEMO_GITHUB_APP.clientId).at(-1)!.value;
  const response = await fetch(`${E2E_EMULATOR_URL}/api/v3/applications/${DEMO_GITHUB_APP.clientId}/grant`, {
    method: "DELETE",
    headers: {
      authorization: `Basic ${Buffer.from(`${DEMO_GITHUB_APP.clientId}:${DEMO_GITHUB_APP.clientSecret}`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ access_token: token }),
  });
  expect(response.status).toBe(204);
}

test("a grant revoked at GitHub is noticed on the next visit; Reconnect GitHub brings the person back, connected", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.waitForLoadState("load");
  await revokeGrantWithoutWebhook("octocat");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/reconnect\?returnTo=%2Fdashboard$/);
  await expect(page.getByRole("heading", { name: "Reconnect GitHub" })).toBeVisible();
  await expect(
    page.getByText(
      /Your GitHub connection was revoked (just now|.+ ago) — Hublink can no longer read your repositories\./,
    ),
  ).toBeVisible();
  await expect(page.getByText("GitHub refused both Hublink's access token")).toBeVisible();
  expect(await connectionEvents()).toEqual(["connected", "revoked"]);

  await page.getByRole("link", { name: "Reconnect GitHub" }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: "@octocat", exact: true })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Connected")).toBeVisible();
  expect(await connectionEvents()).toEqual(["connected", "revoked", "reconnected"]);
});

test("after GitHub's revocation webhook the very next request is redirected, without any GitHub call", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  // Let the connections page finish streaming (its panels call GitHub) before GitHub revokes.
  await page.waitForLoadState("load");
  await emulatorControl.revoke("octocat");
  await expect
    .poll(async () =>
      (await emulatorControl.stats()).webhooks.deliveries.map((d) => `${d.event}.${d.action} ${d.status}`),
    )
    .toEqual(["github_app_authorization.revoked 200"]);
  const callsBefore = (await emulatorControl.stats()).calls;

  const response = await page.goto("/settings/connections");
  expect(response?.request().redirectedFrom()?.url()).toMatch(/\/settings\/connections$/);
  await expect(page).toHaveURL(/\/reconnect\?returnTo=%2Fsettings%2Fconnections$/);
  await expect(
    page.getByText(
      /Your GitHub connection was revoked (just now|.+ ago) — Hublink can no longer read your repositories\./,
    ),
  ).toBeVisible();
  await expect(page.getByText("GitHub told Hublink that its access was revoked")).toBeVisible();
  expect((await emulatorControl.stats()).calls).toEqual(callsBefore);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
});

test("while GitHub is failing, the dashboard says so in its panels and the connection is kept", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.waitForLoadState("load");
  await emulatorControl.addFault({
    method: "GET",
    path: "^/(user|search/issues)$",
    status: 503,
    body: { message: "Service unavailable" },
  });
  await page.goto("/dashboard");
  await expect(page.getByText("GitHub answered with an error.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);
  await emulatorControl.clearFaults();
  const stored = await appDatabase().gitHubConnection.findFirst({ where: { user: { login: "octocat" } } });
  expect(stored).toMatchObject({ status: "connected", revokedAt: null });
  expect(await connectionEvents()).toEqual(["connected"]);
});

test("an expired token is renewed on the next visit, and the connections page shows the refresh", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await expect(page.getByText("Last refreshed")).toBeVisible();
  await expect(page.getByText("Not yet")).toBeVisible();
  await page.waitForLoadState("load");

  await emulatorControl.expire("octocat");
  await appDatabase().gitHubConnection.updateMany({
    where: { user: { login: "octocat" } },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "@octocat", exact: true })).toBeVisible();
  await expect.poll(async () => (await emulatorControl.stats()).refreshes).toBe(1);

  await page.goto("/settings/connections");
  await expect(page.getByText("Not yet")).toHaveCount(0);
  await expect(page.getByRole("list").getByText(/new token valid until/)).toBeVisible();
  expect(await connectionEvents()).toEqual(["connected", "refreshed"]);
});
