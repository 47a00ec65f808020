import { expect, type Locator, type Page } from "@playwright/test";
import { emulatorControl } from "./emulator-control";
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
 * sends the browser to Hublink's setup URL; the test depends only on the installation existing,
 * not on what Hublink makes of that visit.
 */
export async function installDemoAppFor(page: Page, login: string) {
  await page.goto(`${E2E_EMULATOR_URL}/apps/hublink-demo/installations/new`);
  await page.getByRole("link", { name: login, exact: true }).click();
  await page.getByRole("button", { name: "Install" }).click();
  await page.waitForURL(`${E2E_APP_URL}/**`);
  const { installations } = await emulatorControl.installations();
  expect(installations.map((i) => i.account)).toContain(login);
}

/** The items of a list panel (not the labels listed inside an item). */
export function items(region: Locator) {
  return region.locator(".item-list > li");
}

/** The titles of a panel's items, in any order, once they are these (GitHub's order is its own business). */
export async function expectTitles(region: Locator, titles: string[]) {
  await expect
    .poll(async () => (await region.locator(".item-title").allInnerTexts()).sort())
    .toEqual([...titles].sort());
}
