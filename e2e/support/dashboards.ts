import { expect, type Page } from "@playwright/test";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "../config";

// Helpers for the GitHub pages: waiting for streamed panels, and giving a user the demo GitHub App.

/** Every panel has streamed in: no skeleton is left on the page. */
export async function panelsLoaded(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
}

/** A panel on the page, found by its heading as assistive tech finds it. */
export function panel(page: Page, name: string | RegExp) {
  return page.getByRole("region", { name });
}

/**
 * Installs the demo GitHub App on the account of the person signed in at the emulator (signing in
 * to Hublink signed them in there), through the emulator's own installation pages. GitHub then
 * sends the browser to Hublink's setup URL; that visit is answered here, so the test depends only
 * on the installation existing, not on how Hublink handles the setup callback.
 */
export async function installDemoAppFor(page: Page, login: string) {
  await page.route(`${E2E_APP_URL}/api/github/callback**`, (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "installed" }));
  await page.goto(`${E2E_EMULATOR_URL}/apps/hublink-demo/installations/new`);
  await page.getByRole("link", { name: login, exact: true }).click();
  await page.getByRole("button", { name: "Install" }).click();
  await expect(page.getByText("installed")).toBeVisible();
  await page.unroute(`${E2E_APP_URL}/api/github/callback**`);
}
