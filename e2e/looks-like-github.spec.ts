import { E2E_EMULATOR_URL } from "./config";
import { panel, panelsLoaded } from "./support/dashboards";
import { emulatorControl } from "./support/emulator-control";
import { expect, freshWorld, test } from "./support/fixtures";

// What people who live on GitHub expect to see: its states, CI, times, a real 404, keyboard paths
// and dark mode. Seed: packages/github-emulator/src/seed.ts.

test.beforeEach(async ({ hublink }) => {
  await freshWorld("octocat");
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
});

test("a merged pull request shows GitHub's merged state, not closed", async ({ page }) => {
  await page.goto("/repos/octocat/hello-world?tab=pulls&state=closed");
  const typo = panel(page, "Closed pull requests").getByRole("listitem").filter({ hasText: "Fix a typo" });
  await expect(typo.getByRole("img", { name: "Merged pull request" })).toBeVisible();
  await expect(typo.getByText("Merged", { exact: true })).toBeVisible();
  await expect(typo).not.toContainText("Closed");
  // GitHub's merged purple.
  await expect(typo.locator(".state-icon")).toHaveCSS("color", "rgb(130, 80, 223)");
});

test("a pull request whose GitHub Actions check run fails shows failed checks, on every list", async ({ page }) => {
  await page.goto("/repos/octo-org/octo-app?tab=pulls");
  const health = panel(page, "Open pull requests").getByRole("listitem").filter({ hasText: "Add health checks" });
  await expect(health.getByText("Checks failed")).toBeVisible();
  // Where it came from, on hover.
  await expect(health.getByText("Checks failed")).toHaveAttribute("title", /test \(GitHub Actions\): failed/);

  await page.goto("/dashboard");
  await panelsLoaded(page);
  const review = panel(page, /^Review requested/);
  await expect(review.getByRole("listitem").filter({ hasText: "Add health checks" })).toContainText("Checks failed");
  await expect(review.getByRole("listitem").filter({ hasText: "WIP: dark mode" })).toContainText("Checks pending");
  await expect(review.getByRole("listitem").filter({ hasText: "WIP: dark mode" })).toContainText("Review requested");
});

test("times are relative, with the exact time on hover and a machine-readable datetime", async ({ page }) => {
  await page.goto("/repos/octocat/hello-world");
  const bug = panel(page, "Open issues").getByRole("listitem").filter({ hasText: "Found a bug in the greeting" });
  const time = bug.locator("time");
  // Seeded in January 2024.
  await expect(time).toHaveAttribute("datetime", /^2024-01-\d\dT\d\d:\d\d:00\.000Z$/);
  await expect(time).toHaveText(/^\d+ years? ago$|^last year$/);
  await expect(time).toHaveAttribute("title", /2024/);
  await expect(time).not.toHaveAttribute("title", /UTC/);
  // People: the author's avatar, and the assignee's.
  await expect(bug.locator(`img[src="${E2E_EMULATOR_URL}/avatars/hubot.png"]`)).toBeVisible();
  await expect(bug.getByTitle("Assigned to octocat").locator("img")).toHaveAttribute(
    "src",
    `${E2E_EMULATOR_URL}/avatars/octocat.png`,
  );
});

test("an unknown or hidden repository answers 404 inside the app, with a way to give the App access", async ({
  page,
}) => {
  for (const path of ["/repos/hubot/private-notes", "/repos/octocat/no-such-repository"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    const name = path.slice("/repos/".length);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Repository ${name} not found`);
    await expect(page.getByText("Hublink's GitHub App may not have access to it")).toBeVisible();
    await expect(page.getByRole("link", { name: "Configure the GitHub App installation" })).toHaveAttribute(
      "href",
      `${E2E_EMULATOR_URL}/apps/hublink-demo/installations/new`,
    );
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible(); // the shell
  }
  for (const path of ["/dashboard/no-such-page", "/settings/nope", "/nonexistent", "/repos/octocat"]) {
    const unknown = await page.goto(path);
    expect(unknown?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      path === "/repos/octocat" ? "Repository octocat not found" : "Page not found",
    );
    if (path !== "/repos/octocat") await expect(page.locator("main")).toContainText(`Hublink has no page at ${path}`);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByText("@octocat", { exact: true })).toBeVisible();
  }
});

test("an unknown page below a repository answers 404 under the repository's header", async ({ page }) => {
  for (const rest of ["/x", "/x/y", "/issues/1"]) {
    const path = `/repos/octocat/hello-world${rest}`;
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("octocat/hello-world Public");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Page not found in octocat/hello-world");
    await expect(page.locator("main")).toContainText(`Hublink has no page at ${path}.`);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    // No tab is the current page here.
    const tabs = page.getByRole("navigation", { name: "Repository" });
    await expect(tabs.locator("[aria-current]")).toHaveCount(0);
    await expect(page.getByText("Found a bug in the greeting")).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to the repository" }).click();
  await expect(page).toHaveURL(/\/repos\/octocat\/hello-world$/);
  await expect(panel(page, "Open issues").getByText("Found a bug in the greeting")).toBeVisible();
  // A repository that does not exist is still named as the thing not found, whatever follows it.
  const unknownRepository = await page.goto("/repos/octocat/no-such-repository/x");
  expect(unknownRepository?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Repository octocat/no-such-repository not found");
});

test("a repository's name and tabs show while its list is still loading", async ({ page }) => {
  // Only the list is slow: the header is there while the list's place shows it is loading.
  await emulatorControl.addFault({ method: "GET", path: "^/repos/octocat/hello-world/issues", delayMs: 3000 });
  try {
    await page.goto("/repos");
    await page.getByRole("link", { name: "octocat/hello-world", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("octocat/hello-world Public");
    await expect(
      page.getByRole("navigation", { name: "Repository" }).getByRole("link", { name: /^Issues/ }),
    ).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toBeVisible();
    await expect(panel(page, "Open issues").getByText("Found a bug in the greeting")).toBeVisible({ timeout: 10_000 });
  } finally {
    await emulatorControl.clearFaults();
  }
});

test("a skip link, the current page marked in the navigation, and focus on the new page's heading", async ({
  page,
}) => {
  await page.goto("/dashboard");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Pull requests" }).click();
  await expect(nav.getByRole("link", { name: "Pull requests" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1, name: "Pull requests" })).toBeFocused();
  // The current item is marked visibly too, not only for assistive tech.
  await expect(nav.getByRole("link", { name: "Pull requests" })).toHaveCSS("border-bottom-color", "rgb(253, 140, 115)");
});

test("dark mode follows prefers-color-scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/dashboard");
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(13, 17, 23)");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(255, 255, 255)");
});

test("a page past the end says there is no such page", async ({ page }) => {
  await page.goto("/pulls?page=40");
  const results = panel(page, /^Open pull requests/);
  await expect(results.getByRole("status")).toHaveText("There is no page 40 of this list. Go to the first page");
  await expect(results.getByText(/Page 40 of/)).toHaveCount(0);
  await results.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL(/\/pulls$/);
  await expect(panel(page, /^Open pull requests/).locator(".item-title")).toHaveCount(3);
});

test("a repository's tabs carry counts, and the /repos filters keep clean URLs", async ({ page }) => {
  await page.goto("/repos/octocat/hello-world");
  const tabs = page.getByRole("navigation", { name: "Repository" });
  await expect(tabs.getByRole("link", { name: "Issues 2 open" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Pull requests 2 open" }).click();
  await expect(tabs.getByRole("link", { name: "Pull requests 2 open" })).toHaveAttribute("aria-current", "page");
  await expect(panel(page, "Open pull requests").locator(".item-title")).toHaveCount(2);

  await page.goto("/repos");
  await page.getByRole("button", { name: "Apply" }).click(); // submits empty and default fields
  await expect(page).toHaveURL(/\/repos$/);
  await page.getByLabel("Sort").selectOption("name");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/repos\?sort=name$/);
});

test("after connecting, the page says so once", async ({ page }) => {
  // beforeEach connected through GitHub: the connections page it came back to says so.
  await expect(page.getByRole("status").filter({ hasText: "GitHub is connected." })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/connections$/);
  await page.reload();
  await expect(page.getByText("GitHub is connected.")).toHaveCount(0);
});

test("after signing out, the landing page says so and that the connection is kept", async ({ page }) => {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/(\?notice=signed-out)?$/);
  await expect(page.getByRole("status").filter({ hasText: "signed out" })).toHaveText(
    "You are signed out of Hublink. Your GitHub connection is kept for when you sign in again.",
  );
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await expect(page.getByText("@octocat", { exact: true })).toHaveCount(0);
});

test("a repository's language dot has GitHub's colour for that language", async ({ page }) => {
  await page.goto("/repos");
  const dotColour = (name: string) =>
    panel(page, /repositories$/)
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name, exact: true }) })
      .locator(".language")
      .evaluate((el) => [el.textContent, getComputedStyle(el, "::before").backgroundColor]);
  expect(await dotColour("octocat/secret-plans")).toEqual(["TypeScript", "rgb(49, 120, 198)"]); // #3178c6
  expect(await dotColour("octocat/hello-world")).toEqual(["Ruby", "rgb(112, 21, 22)"]); // #701516
  // The repository's own page uses the same colour.
  await page.goto("/repos/octocat/secret-plans");
  const dot = page.locator(".repo-header .language");
  await expect(dot).toHaveText("TypeScript");
  expect(await dot.evaluate((el) => getComputedStyle(el, "::before").backgroundColor)).toBe("rgb(49, 120, 198)");
});

test("on a phone the header is one row with a menu", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  const header = page.getByRole("banner");
  expect((await header.boundingBox())?.height).toBeLessThan(72);
  await page.getByText("Menu", { exact: true }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Issues" })).toBeVisible();
});
