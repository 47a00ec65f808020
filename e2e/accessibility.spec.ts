import type { Page } from "@playwright/test";
import { E2E_APP_URL } from "./config";
import { attachScreenshots, expectAccessibleInBothSchemes } from "./support/accessibility";
import { panelsLoaded } from "./support/dashboards";
import { freshWorld, Hublink, test } from "./support/fixtures";

// Every page, as octocat sees it once connected: zero axe violations in light and dark, and
// screenshots at desktop and phone width in both schemes kept with the report. One sign-in for the
// whole file (again after a failed test); each test opens its page once and checks both schemes without
// reloading.

let signedIn: Page;

test.beforeAll(async ({ browser }) => {
  await freshWorld("octocat");
  signedIn = await (await browser.newContext({ baseURL: E2E_APP_URL })).newPage();
  const hublink = new Hublink(signedIn);
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
});

test.afterAll(async () => {
  await signedIn.context().close();
});

test("the landing page, signed out", async ({ page }, testInfo) => {
  await page.goto("/");
  await expectAccessibleInBothSchemes(page);
  await attachScreenshots(page, testInfo, "landing");
});

const PAGES: [name: string, path: string][] = [
  ["dashboard", "/dashboard"],
  ["repositories", "/repos"],
  ["repository-issues", "/repos/octocat/hello-world"],
  ["repository-pulls", "/repos/octocat/hello-world?tab=pulls&state=closed"],
  ["pulls", "/pulls"],
  ["issues", "/issues"],
  ["connections", "/settings/connections"],
  ["reconnect", "/reconnect"],
  ["unknown-repository", "/repos/octocat/no-such-repository"],
  ["unknown-page", "/dashboard/no-such-page"],
];

for (const [name, path] of PAGES) {
  test(`${name} (${path})`, async ({}, testInfo) => {
    await signedIn.goto(path);
    await panelsLoaded(signedIn);
    await expectAccessibleInBothSchemes(signedIn);
    await attachScreenshots(signedIn, testInfo, name);
  });
}
