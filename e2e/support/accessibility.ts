import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

// Accessibility and appearance checks shared by the journeys: axe in both colour schemes, and
// screenshots at desktop and phone width kept as test attachments.

export const SCHEMES = ["light", "dark"] as const;
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** axe's violations on the page as it is now, as "rule: target" lines (readable in a failure). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** Zero axe violations in light and in dark, on the page already open (no reload between schemes). */
export async function expectAccessibleInBothSchemes(page: Page) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect.soft(await axeViolations(page), `axe in ${colorScheme} mode`).toEqual([]);
  }
}

/** Full-page screenshots in both schemes at desktop and phone width, attached to the test's report. */
export async function attachScreenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const [width, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      // Written to the test's output folder (kept after the run) and attached to the report.
      const path = testInfo.outputPath(`${name}-${width}-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled" });
      await testInfo.attach(`${name}-${width}-${colorScheme}`, { path, contentType: "image/png" });
    }
  }
  await page.setViewportSize(WIDTHS.desktop);
  await page.emulateMedia({ colorScheme: "light" });
}
