// Clickjacking and security headers: no page can be framed, every response carries the headers,
// and the pages still work under the Content-Security-Policy (no violation is reported).
import { expect, freshWorld, test } from "../support/fixtures";
import { E2E_APP_URL } from "../config";

test.beforeEach(async () => {
  await freshWorld("octocat");
});

test("every kind of response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/dashboard", "/reconnect", "/api/github/connect", "/github/installation"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { accept: "text/html" } });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
  }
});

test("a page of Hublink in a frame does not load", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  // Another site's page (here: the blank page) framing Hublink's connections page, whose
  // "Disconnect GitHub" button a hidden click could otherwise reach.
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${E2E_APP_URL}/settings/connections" width="800" height="600"></iframe>`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(() => frame?.url()).not.toBe("about:blank");
  await expect(frame!.getByRole("button", { name: "Disconnect GitHub" })).toHaveCount(0);
  await expect(frame!.getByRole("heading", { name: "Connections" })).toHaveCount(0);
});

test("pages run under the policy: no Content-Security-Policy violation on the way through the app", async ({
  page,
  hublink,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  for (const path of ["/dashboard", "/repos", "/pulls", "/settings/connections"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});
