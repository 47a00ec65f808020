// Open redirects: returnTo values that look local but normalise to another origin (dot segments),
// at every place a returnTo becomes a redirect or a link.
import { connectThrough, expect, freshWorld, test } from "../support/fixtures";
import { E2E_APP_URL } from "../config";

const DOT_SEGMENTS = ["/.//evil.example", "/%2e%2e//evil.example", "/a/..//evil.example", "/..//evil.example/x?y=1"];

test.beforeEach(async () => {
  await freshWorld("octocat");
});

test("the landing page's Continue link and /reconnect's link stay on the site", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  for (const returnTo of DOT_SEGMENTS) {
    await page.goto(`/?returnTo=${encodeURIComponent(returnTo)}`);
    const landing = await page.getByRole("link", { name: "Continue to your dashboard" }).getAttribute("href");
    expect(new URL(landing!, E2E_APP_URL).origin).toBe(E2E_APP_URL);

    await page.goto(`/reconnect?returnTo=${encodeURIComponent(returnTo)}`);
    const reconnect = await page.getByRole("link", { name: "Continue" }).getAttribute("href");
    expect(new URL(reconnect!, E2E_APP_URL).origin).toBe(E2E_APP_URL);
  }
});

test("after connecting, a dot-segment returnTo lands on the dashboard", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  for (const returnTo of DOT_SEGMENTS.slice(0, 2)) {
    await connectThrough(page, `/api/github/connect?returnTo=${encodeURIComponent(returnTo)}`);
    await expect(page).toHaveURL(`${E2E_APP_URL}/dashboard`);
  }
});
