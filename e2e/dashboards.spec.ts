import { E2E_EMULATOR_URL } from "./config";
import { expectTitles, installDemoAppFor, items, panel, panelsLoaded } from "./support/dashboards";
import { expect, freshWorld, test } from "./support/fixtures";

// What a connected person sees of their GitHub work, checked against the emulator's seed
// (seed data: packages/github-emulator/README.md). octocat connects through the demo GitHub App, installed on his
// account: his own repositories (private ones too) and public repositories elsewhere are visible.

test.beforeEach(async () => {
  await freshWorld("octocat", "bigcat");
});

test("the dashboard shows octocat's profile, repositories and work as GitHub has them", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto("/dashboard");
  await panelsLoaded(page);

  const profile = panel(page, /The Octocat/);
  await expect(profile.getByRole("link", { name: "@octocat" })).toHaveAttribute("href", `${E2E_EMULATOR_URL}/octocat`);
  await expect(profile.getByText("Public repositories")).toBeVisible();
  await expect(profile.locator("dd")).toHaveText(["2", "20", "9"]); // public repositories, followers, following

  const repositories = panel(page, "Recently updated repositories");
  await expect(items(repositories)).toHaveCount(3);
  for (const name of ["octocat/hello-world", "octocat/spoon-knife", "octocat/secret-plans"]) {
    await expect(repositories.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(
    repositories.getByRole("listitem").filter({ hasText: "octocat/secret-plans" }).getByText("Private"),
  ).toBeVisible();

  const expected: [string, number, string[]][] = [
    ["Your pull requests", 3, ["Add a greeting endpoint", "Secret feature", "Add a deploy script"]],
    ["Review requested", 3, ["WIP: dark mode", "Improve the smile", "Add health checks"]],
    [
      "Assigned issues",
      5,
      ["Found a bug in the greeting", "Document the API", "Plan the launch", "Flaky tests on CI", "Crash on start"],
    ],
  ];
  for (const [name, count, titles] of expected) {
    const list = panel(page, new RegExp(`^${name}`));
    await expect(list.getByRole("heading")).toHaveText(`${name}${count}`);
    await expectTitles(list, titles);
  }
  // Every item opens on GitHub.
  await expect(
    panel(page, /^Your pull requests/).getByRole("link", { name: "Add a greeting endpoint" }),
  ).toHaveAttribute("href", `${E2E_EMULATOR_URL}/octocat/hello-world/pull/3`);
  // The footer knows the remaining allowance from GitHub's headers after a view.
  await page.reload();
  await expect(page.getByRole("contentinfo")).toContainText(/GitHub API: [\d,]+ of 5,000 requests left this hour/);
});

test("issue views list issues only, never pull requests", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");

  await page.goto("/repos/octocat/hello-world");
  const issues = panel(page, "Open issues");
  await expect(issues.locator(".item-title")).toHaveText(["Document the API", "Found a bug in the greeting"]);
  await expect(issues.getByText("Add a greeting endpoint")).toHaveCount(0);
  await expect(issues.getByRole("listitem").filter({ hasText: "Found a bug" })).toContainText("3 comments");
  await expect(
    issues.getByRole("listitem").filter({ hasText: "Found a bug" }).getByRole("list", { name: "Labels" }),
  ).toHaveText("bug");

  await page.getByRole("link", { name: "Pull requests" }).last().click();
  const pulls = panel(page, "Open pull requests");
  const greeting = pulls.getByRole("listitem").filter({ hasText: "Add a greeting endpoint" });
  await expect(greeting).toContainText("feature/greeting → main");
  await expect(greeting).toContainText("Checks passed");
  const darkMode = pulls.getByRole("listitem").filter({ hasText: "WIP: dark mode" });
  await expect(darkMode).toContainText("Draft");
  await expect(darkMode).toContainText("Checks pending");

  await page.getByRole("link", { name: "Closed" }).click();
  await expect(
    panel(page, "Closed pull requests").getByRole("listitem").filter({ hasText: "Fix a typo" }),
  ).toContainText("Approved");

  await page.goto("/issues");
  const assigned = panel(page, /^Open issues/);
  await expect(assigned.locator(".item-title")).toHaveCount(5);
  await expect(assigned.getByText("Add a greeting endpoint")).toHaveCount(0);
  // octocat opened 2 seeded issues and 200 of bigcat/big-repo's open ones, and 3 open pull requests:
  // the count is 202, not 205.
  await page.getByRole("link", { name: "Created by you" }).click();
  await expect(panel(page, /^Open issues/).getByRole("heading")).toHaveText("Open issues202");
});

test("a private repository of another user is a not-found page", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  const response = await page.goto("/repos/hubot/private-notes");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Repository hubot/private-notes not found" })).toBeVisible();
  await expect(page.getByText("Remember the milk")).toHaveCount(0);
});

test("pagination shows numbered pages with gaps, previous and next, and keeps the filters", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("bigcat");
  await installDemoAppFor(page, "bigcat");
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Connect GitHub" }).click();
  await expect(page.getByText("Connected as @bigcat")).toBeVisible();

  await page.goto("/repos?owner=bigcat&sort=name");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  const pages = pagination.locator("li"); // the gaps too, which are hidden from assistive tech
  await expect(pages).toHaveText(["Page 1 of 9", "2", "3", "…", "9"]);
  await expect(pagination.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  await pagination.getByRole("link", { name: "Page 9" }).click();
  await expect(page).toHaveURL(/\/repos\?owner=bigcat&sort=name&page=9$/);
  await expect(pages).toHaveText(["1", "…", "7", "8", "Page 9 of 9"]);
  await expect(pagination.getByText("Next")).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByLabel("Sort")).toHaveValue("name");
  await pagination.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/repos\?owner=bigcat&sort=name&page=8$/);
  await expect(pages).toHaveText(["1", "…", "6", "7", "Page 8 of 9", "9"]);
  await pagination.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/repos\?owner=bigcat&sort=name&page=9$/);
});

test("pagination reaches the last page for bigcat", async ({ page, hublink }) => {
  test.slow(); // 261 repositories and 9 pages
  await hublink.signIn("bigcat");
  await installDemoAppFor(page, "bigcat");
  // Installing authorized the app for bigcat at the same time, so connecting asks no consent.
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Connect GitHub" }).click();
  await expect(page.getByText("Connected as @bigcat")).toBeVisible();

  await page.goto("/repos?sort=name");
  await expect(page.getByRole("heading", { name: "261 repositories" })).toBeVisible();
  for (let pageNumber = 2; pageNumber <= 9; pageNumber++) {
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page.getByText(`Page ${pageNumber} of 9`)).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  const lastPage = panel(page, "261 repositories");
  await expect(lastPage.getByRole("link", { name: "bigcat/cat-project-260", exact: true })).toBeVisible();
  await expect(items(lastPage)).toHaveCount(261 - 8 * 30);

  // Filters narrow the count: every 5th project is private.
  await page.getByLabel("Visibility").selectOption("private");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "52 repositories" })).toBeVisible();

  // A repository's issues, page by page to the end: big-repo has 800 open issues, 30 a page.
  await page.goto("/repos/bigcat/big-repo");
  await expect(page.getByText("Page 1 of 27")).toBeVisible();
  await page.goto("/repos/bigcat/big-repo?page=27");
  await expect(page.getByText("Page 27 of 27")).toBeVisible();
  await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
  await expect(items(panel(page, "Open issues"))).toHaveCount(800 - 26 * 30);
});
