import { test as base, expect, type Page } from "@playwright/test";
import { E2E_EMULATOR_URL } from "../config";
import { forgetUser } from "./app-database";
import { emulatorControl } from "./emulator-control";

// Page objects for the journeys through Hublink and the GitHub emulator's pages.
export class Hublink {
  constructor(readonly page: Page) {}

  /** Landing page → "Sign in with GitHub" → pick the emulator user → consent → back in the app. */
  async signIn(login: string, { from = "/" }: { from?: string } = {}) {
    await this.page.goto(from);
    await this.page.getByRole("button", { name: "Sign in with GitHub" }).click();
    await this.page.getByRole("button", { name: login, exact: true }).click();
    // Tests start from the emulator's seed, where nobody has authorized Hublink yet: consent is asked.
    await this.page.getByRole("button", { name: /^Authorize/ }).click();
    await expect(this.page.getByText(`@${login}`, { exact: true })).toBeVisible();
  }

  /** From the connections page, through GitHub's consent, back to "Connected as @login". */
  async connect(login: string) {
    await this.page.goto("/settings/connections");
    await this.page.getByRole("link", { name: "Connect GitHub" }).click();
    await this.page.getByRole("button", { name: /^Authorize/ }).click();
    await expect(this.page.getByText(`Connected as @${login}`)).toBeVisible();
  }
}

/**
 * Opens a connect URL (e.g. `/api/github/connect?returnTo=…`) and authorizes at GitHub if it asks
 * (it does not when this browser already authorized Hublink); resolves once back in Hublink.
 */
export async function connectThrough(page: Page, connectUrl: string) {
  await page.goto(connectUrl);
  const authorize = page.getByRole("button", { name: /^Authorize/ });
  await authorize
    .or(page.getByRole("heading", { name: "Dashboard" }))
    .first()
    .waitFor();
  if (await authorize.isVisible()) await authorize.click();
}

/**
 * Starts connecting and authorizes at GitHub, but stops before the browser follows GitHub's redirect
 * back to Hublink: returns that callback URL (with its code and state), unvisited.
 */
export async function authorizeAndCaptureCallback(page: Page): Promise<string> {
  let callback = "";
  await page.route(`${E2E_EMULATOR_URL}/**`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    if (!location.includes("/api/github/callback")) return route.fulfill({ response });
    callback = location;
    return route.abort();
  });
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Connect GitHub" }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await expect.poll(() => callback).toContain("code=");
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return callback;
}

type Fixtures = { hublink: Hublink };

export const test = base.extend<Fixtures>({
  hublink: async ({ page }, use) => {
    await use(new Hublink(page));
  },
});

/** Every test starts from GitHub's seed and people Hublink has never seen. */
export async function freshWorld(...logins: string[]) {
  await emulatorControl.reset();
  await Promise.all(logins.map((login) => forgetUser(login)));
}

export { expect };
