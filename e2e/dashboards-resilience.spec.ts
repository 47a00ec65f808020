import { E2E_APP_URL } from "./config";
import { appDatabase } from "./support/app-database";
import { emulatorControl } from "./support/emulator-control";
import { items, panel, panelsLoaded } from "./support/dashboards";
import { expect, freshWorld, test } from "./support/fixtures";

// How the GitHub pages behave when GitHub is slow, failing, or asked the same thing twice.

test.beforeEach(async ({ hublink }) => {
  await freshWorld("octocat");
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
});

test.afterEach(async () => {
  await emulatorControl.clearFaults();
  await emulatorControl.latency(0);
});

test("one failing panel shows its own error with Try again while the others work", async ({ page }) => {
  await emulatorControl.addFault({ method: "GET", path: "^/user/repos", status: 502 });
  await page.goto("/dashboard");
  await panelsLoaded(page);

  const repositories = panel(page, "Recently updated repositories");
  await expect(repositories.getByRole("alert")).toContainText("GitHub answered with an error.");
  await expect(items(repositories)).toHaveCount(0);
  // The rest of the page is there, and no panel shows GitHub's raw error.
  await expect(panel(page, /The Octocat/)).toBeVisible();
  await expect(items(panel(page, /^Your pull requests/))).toHaveCount(3);
  await expect(items(panel(page, /^Assigned issues/))).toHaveCount(5);
  await expect(page.getByText("Emulated fault")).toHaveCount(0);

  await emulatorControl.clearFaults();
  await repositories.getByRole("button", { name: "Try again" }).click();
  await expect(items(repositories)).toHaveCount(3);
  await expect(repositories.getByRole("alert")).toHaveCount(0);
  // The button went away with the error: focus is on the panel's heading, not lost to the page's top.
  await expect(repositories.getByRole("heading", { name: "Recently updated repositories" })).toBeFocused();
});

test("with GitHub failing, /repos and a repository page show their stored copy, marked 'as of', with Try again", async ({
  page,
}) => {
  // Warm the cache: the list of repositories, and a repository's header, counts and both tabs.
  await page.goto("/repos");
  const repositories = panel(page, /repositories$/);
  await expect(items(repositories).first()).toBeVisible();
  const shown = await items(repositories).count();
  for (const tab of ["", "?tab=pulls"]) {
    await page.goto(`/repos/octocat/hello-world${tab}`);
    await expect(items(panel(page, /^Open (issues|pull requests)$/))).toHaveCount(2);
  }
  // Past max-age (as if a minute had gone by), GitHub answers every call with a 502.
  await appDatabase().gitHubResponseCache.updateMany({ data: { freshUntil: null } });
  await emulatorControl.addFault({ path: ".", status: 502 });

  const asOf = /^As of .+ — GitHub is not answering\. Try again$/;
  await page.goto("/repos");
  await expect(repositories.getByRole("status")).toHaveText(asOf);
  await expect(items(repositories)).toHaveCount(shown);
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);

  await page.goto("/repos/octocat/hello-world?tab=pulls");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("octocat/hello-world Public");
  await expect(page.getByRole("navigation", { name: "Repository" })).toContainText("Pull requests 2");
  const header = page.locator(".repo-header");
  await expect(header.getByRole("status")).toHaveText(asOf);
  const pulls = panel(page, "Open pull requests");
  await expect(pulls.getByRole("status")).toHaveText(asOf);
  await expect(items(pulls)).toHaveCount(2);
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);

  // GitHub is back: Try again shows the fresh answer, and the note goes away.
  await emulatorControl.clearFaults();
  await pulls.getByRole("button", { name: "Try again" }).click();
  await expect(pulls.getByRole("status")).toHaveCount(0);
  await expect(header.getByRole("status")).toHaveCount(0);
  await expect(items(pulls)).toHaveCount(2);
});

test("a pull request row whose review and CI GitHub cannot confirm says 'as of', while its fresh list says nothing", async ({
  page,
}) => {
  await page.goto("/dashboard");
  await panelsLoaded(page);
  const pulls = panel(page, /^Your pull requests/);
  await expect(pulls.getByText(/Checks (passed|failed|pending)/)).toHaveCount(3);
  // The search is still fresh; the pull requests' own answers were marked stale (as a webhook
  // does) and GitHub now fails for them.
  await appDatabase().gitHubResponseCache.updateMany({
    where: { url: { contains: "/repos/" } },
    data: { freshUntil: null },
  });
  await emulatorControl.addFault({ method: "GET", path: "^/repos/", status: 502 });
  await page.goto("/dashboard");
  await panelsLoaded(page);
  await expect(pulls.getByText(/Checks (passed|failed|pending)/)).toHaveCount(3);
  await expect(pulls.getByText(/^as of /)).toHaveCount(3);
  await expect(pulls.locator(".panel-stale")).toHaveCount(0);
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
});

test("a timeout or rate limit in one panel says so, and when the limit resets", async ({ page }) => {
  const reset = Math.floor(Date.now() / 1000) + 1800;
  await emulatorControl.addFault({
    method: "GET",
    path: "^/search/issues",
    status: 403,
    body: { message: "API rate limit exceeded for user ID 583231.", documentation_url: "https://docs.github.com/rest" },
    headers: {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-limit": "30",
      "x-ratelimit-reset": String(reset),
      "x-ratelimit-resource": "search",
    },
  });
  await page.goto("/dashboard");
  await panelsLoaded(page);
  for (const name of [/^Your pull requests/, /^Review requested/, /^Assigned issues/]) {
    const alert = panel(page, name).getByRole("alert");
    await expect(alert).toContainText(/used up its GitHub API allowance for now\. It resets in \d+ minutes?\./);
    await expect(alert.locator("time")).toHaveAttribute("datetime", new Date(reset * 1000).toISOString());
  }
  await expect(items(panel(page, "Recently updated repositories"))).toHaveCount(3);
});

test("a second view within GitHub's max-age asks GitHub nothing; after it, only 304s", async ({ page }, testInfo) => {
  await page.goto("/dashboard");
  await panelsLoaded(page);
  const total = (stats: Awaited<ReturnType<typeof emulatorControl.stats>>) =>
    Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
  const secondView = async () => {
    const before = await emulatorControl.stats();
    await page.reload();
    await panelsLoaded(page);
    await expect(items(panel(page, /^Your pull requests/))).toHaveCount(3);
    const after = await emulatorControl.stats();
    return {
      calls: total(after) - total(before),
      notModified: after.notModified - before.notModified,
      charged: after.rateLimitCharged - before.rateLimitCharged,
    };
  };

  const fresh = await secondView();
  // Past max-age (as if a minute had gone by): every answer is revalidated with its ETag.
  await appDatabase().gitHubResponseCache.updateMany({ data: { freshUntil: null } });
  const revalidated = await secondView();
  testInfo.annotations.push({
    type: "second view",
    description: `within max-age ${fresh.calls} GitHub calls; after it ${revalidated.calls} calls, ${revalidated.notModified} answered 304, ${revalidated.charged} charged`,
  });
  expect(fresh).toEqual({ calls: 0, notModified: 0, charged: 0 });
  // Profile, recent repositories, three searches; and for each of the 6 pull requests in the two pull
  // request panels its details, reviews, check runs and commit status.
  expect(revalidated.calls).toBe(5 + 6 * 4);
  expect(revalidated.notModified).toBe(revalidated.calls);
  expect(revalidated.charged).toBe(0);
});

test("panels load in parallel: with 400 ms per GitHub call the page is done in about its longest chain's time", async ({
  page,
}, testInfo) => {
  const latency = 400;
  await page.goto("/dashboard");
  await panelsLoaded(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await emulatorControl.latency(latency);

  /** One server render of /dashboard, streamed: when the shell arrived and when the last panel did. */
  async function timedView() {
    const started = performance.now();
    const response = await fetch(`${E2E_APP_URL}/dashboard`, { headers: { cookie } });
    const reader = response.body!.getReader();
    let firstByte = 0;
    let html = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      firstByte ||= performance.now() - started;
      html += new TextDecoder().decode(chunk.value);
    }
    return { firstByte: Math.round(firstByte), complete: Math.round(performance.now() - started), html };
  }

  await appDatabase().gitHubResponseCache.deleteMany(); // cold: every call is a 200
  const cold = await timedView();
  const warm = await timedView(); // warm: within max-age, no GitHub call at all
  testInfo.annotations.push({
    type: "timing",
    description: `GitHub latency ${latency} ms, 29 calls per view, at most 3 in a chain: cold first byte ${cold.firstByte} ms, complete ${cold.complete} ms; warm first byte ${warm.firstByte} ms, complete ${warm.complete} ms`,
  });
  for (const view of [cold, warm]) {
    expect(view.html).toContain("Add a greeting endpoint");
    expect(view.firstByte).toBeLessThan(latency); // the shell does not wait for GitHub
    // The longest chain is three calls (a search, then each pull request, then its reviews and CI side
    // by side), so about three latencies plus overhead. The five panels one after another would take
    // nine (1 + 1 + 3 + 3 + 1), the pull requests one after another far more; the bound leaves room for
    // a busy machine while failing either.
    expect(view.complete).toBeLessThan(7 * latency);
  }
});

test("screenshots of the dashboard and a repository at desktop and phone width", async ({ page }, testInfo) => {
  for (const [device, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    for (const [name, path] of [
      ["dashboard", "/dashboard"],
      ["repository", "/repos/octocat/hello-world?tab=pulls"],
    ] as const) {
      await page.goto(path);
      await panelsLoaded(page);
      // Nothing spills sideways at phone width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const file = testInfo.outputPath(`${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${device}`, { path: file, contentType: "image/png" });
    }
  }
});
