import { appDatabase } from "./support/app-database";
import { emulatorControl } from "./support/emulator-control";
import { expect, freshWorld, Hublink, test } from "./support/fixtures";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./config";
import type { Page } from "@playwright/test";

test.beforeEach(async () => {
  await freshWorld("octocat", "hubot", "monalisa");
  await appDatabase().installation.deleteMany();
});

/** From the connections page through GitHub's installation pages, up to (not including) the final button. */
async function startInstall(page: Page, account: string, repositories: string[] | "all") {
  await page.goto("/settings/connections");
  await page.getByRole("button", { name: "Install GitHub App" }).click();
  await page.getByRole("link", { name: account, exact: true }).click();
  if (repositories === "all") {
    await page.getByLabel("All repositories").check();
  } else {
    await page.getByLabel("Only select repositories").check();
    for (const name of repositories) await page.getByLabel(name).check();
  }
}

/** The state Hublink gave GitHub for an installation it started, read off GitHub's page URL. */
async function installState(page: Page): Promise<string> {
  await page.goto("/settings/connections");
  await page.getByRole("button", { name: "Install GitHub App" }).click();
  await page.waitForURL(`${E2E_EMULATOR_URL}/**`);
  return new URL(page.url()).searchParams.get("state") ?? "";
}

test("octocat installs on octo-org with selected repositories and lands back where he started", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await startInstall(page, "octo-org", ["octo-org/octo-app"]);
  await page.getByRole("button", { name: "Install" }).click();

  await expect(page).toHaveURL(`${E2E_APP_URL}/settings/connections`);
  // Said once: the notice is in the page, not in its address, so a reload does not repeat it.
  const notice = page.getByRole("status").filter({ hasText: "Hublink's GitHub App is installed." });
  await expect(notice).toHaveText("Hublink's GitHub App is installed. Its repositories appear in your lists.");
  const installations = page.getByRole("list", { name: "Installations" });
  await expect(installations.getByText("octo-org", { exact: true })).toBeVisible();
  await expect(installations.getByText("Selected repositories")).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Repositories on octo-org" }).getByRole("link", { name: "octo-org/octo-app" }),
  ).toBeVisible();
  await expect(installations.getByRole("link", { name: "Configure on GitHub" }).first()).toBeVisible();

  const stored = await appDatabase().installation.findFirst({ where: { accountLogin: "octo-org" } });
  expect(stored).toMatchObject({ accountType: "Organization", repositorySelection: "selected", status: "active" });
  await page.reload();
  await expect(installations.getByText("octo-org", { exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("changing an installation on GitHub (setup_action=update) refreshes it and returns", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  // octocat's own account already has the app on all repositories: GitHub offers "Save", not "Install".
  await startInstall(page, "octocat", ["octocat/hello-world"]);
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(`${E2E_APP_URL}/settings/connections`);
  const repositories = page.getByRole("list", { name: "Repositories on octocat" });
  await expect(repositories.getByRole("link")).toHaveText(["octocat/hello-world"]);
  await expect(page.getByText("installation updated")).toBeVisible();
  const stored = await appDatabase().installation.findFirst({ where: { accountLogin: "octocat" } });
  expect(stored).toMatchObject({ repositorySelection: "selected", status: "active" });
});

test("hubot, not an admin, requests an installation and sees it pending", async ({ page, hublink }) => {
  await hublink.signIn("hubot");
  await startInstall(page, "octo-org", "all");
  await page.getByRole("button", { name: "Request" }).click();

  await expect(page).toHaveURL(`${E2E_APP_URL}/settings/connections`);
  await expect(
    page.getByRole("main").getByText("Waiting for an organisation admin to approve the installation").first(),
  ).toBeVisible();
  // The code GitHub sent along with the request also connected hubot.
  await expect(page.getByText("Connected as @hubot")).toBeVisible();
  const requests = await appDatabase().installationRequest.findMany({ where: { user: { login: "hubot" } } });
  expect(requests).toEqual([expect.objectContaining({ status: "pending" })]);

  // An octo-org admin approves on GitHub; the installation.created webhook names hubot as requester.
  const [pending] = (await emulatorControl.installationRequests()).requests;
  const { installation_id: installationId } = await emulatorControl.approveInstallationRequest(pending!.id);
  await expect
    .poll(
      async () => (await appDatabase().installationRequest.findFirst({ where: { user: { login: "hubot" } } }))?.status,
    )
    .toBe("approved");

  await page.reload();
  await expect(page.getByText("Waiting for an organisation admin")).toHaveCount(0);
  const installations = page.getByRole("list", { name: "Installations" });
  await expect(installations.getByText("octo-org", { exact: true })).toBeVisible();
  await expect(installations.getByText("Active")).toBeVisible();
  expect(
    await appDatabase().installation.findUnique({ where: { githubInstallationId: String(installationId) } }),
  ).toMatchObject({
    accountLogin: "octo-org",
    status: "active",
  });
});

test("an uninstalled installation disappears from the dashboards at once", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto("/repos");
  await expect(page.getByRole("link", { name: "octocat/hello-world" }).first()).toBeVisible();

  const [seeded] = (await emulatorControl.installations()).installations;
  await emulatorControl.uninstall(seeded!.id);
  await expect
    .poll(
      async () =>
        (await appDatabase().installation.findUnique({ where: { githubInstallationId: String(seeded!.id) } }))?.status,
    )
    .toBe("deleted");

  await page.goto("/repos");
  await expect(page.getByRole("link", { name: "octocat/hello-world" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByText("Hublink's GitHub App sees no repositories yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "octocat/hello-world" })).toHaveCount(0);

  // The dashboard's own "Install GitHub App" brings octocat back to it with his repositories.
  await page.getByRole("button", { name: "Install GitHub App" }).click();
  await page.getByRole("link", { name: "octocat", exact: true }).click();
  await page.getByLabel("All repositories").check();
  await page.getByRole("button", { name: "Install" }).click();
  await expect(page).toHaveURL(`${E2E_APP_URL}/dashboard`);
  await expect(page.getByRole("link", { name: "octocat/hello-world" }).first()).toBeVisible();
});

test("the approving redirect without state shows a confirmation page and acts on nothing", async ({ page }) => {
  const installations = await emulatorControl.installations();
  const seeded = installations.installations[0]!.id;
  await page.goto(`/api/github/callback?installation_id=${seeded}&setup_action=install`);
  await expect(page).toHaveURL(new RegExp(`/github/installation\\?installation_id=${seeded}`));
  await expect(page.getByRole("status")).toContainText("GitHub reports the installation as active");
  await expect(page.getByRole("link", { name: "Go to Hublink" })).toBeVisible();
  expect(await appDatabase().installation.count()).toBe(0);
});

test("a forged installation_id, one octocat cannot see, is rejected and nothing is stored", async ({
  page,
  hublink,
  browser,
}) => {
  // hubot installs on his own account; octocat then claims that installation with his own valid state.
  const hubotContext = await browser.newContext();
  const hubotPage = await hubotContext.newPage();
  await new Hublink(hubotPage).signIn("hubot");
  await startInstall(hubotPage, "hubot", "all");
  await hubotPage.getByRole("button", { name: "Install" }).click();
  await expect(hubotPage).toHaveURL(`${E2E_APP_URL}/settings/connections`);
  await hubotContext.close();
  const hubotInstallation = await appDatabase().installation.findFirstOrThrow({ where: { accountLogin: "hubot" } });
  await appDatabase().installation.deleteMany();

  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  const state = await installState(page);
  await page.goto(
    `/api/github/callback?setup_action=install&installation_id=${hubotInstallation.githubInstallationId}&state=${encodeURIComponent(state)}`,
  );
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That installation is not one you can use");
  expect(await appDatabase().installation.count()).toBe(0);
});

test("a tampered installation state is rejected and nothing is stored", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  const state = await installState(page);
  const [header, payload, signature] = state.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
  const tampered = Buffer.from(JSON.stringify({ ...claims, returnTo: "/repos" })).toString("base64url");
  const { installations } = await emulatorControl.installations();
  await page.goto(
    `/api/github/callback?setup_action=install&installation_id=${installations[0]!.id}&state=${header}.${tampered}.${signature}`,
  );
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This installation link is no longer valid");
  expect(await appDatabase().installation.count()).toBe(0);
  // The error offers to start over, which leads to GitHub's installation page with a fresh state.
  await page.getByRole("button", { name: "Try installing again" }).click();
  await expect(page).toHaveURL(/\/apps\/hublink-demo\/installations\/new\?state=/);
});
