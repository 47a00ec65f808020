// Crafted query strings and paths: every one gets a page (the default view or not found), never a 500.
import { expect, freshWorld, test } from "../support/fixtures";

test.beforeEach(async () => {
  await freshWorld("octocat");
});

test("crafted query strings and names show a page, never a server error", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  const paths = [
    "/pulls?filter=constructor",
    "/pulls?filter=__proto__&state=toString&page=-1",
    "/issues?filter=hasOwnProperty&filter=x&page=1e99",
    "/repos?sort=constructor&visibility=valueOf&page=abc&q=%00",
    "/repos/octocat/..",
    "/repos/..%2F..%2Fuser/x",
    "/repos/octocat/hello-world?tab=constructor&state=__proto__&page=NaN",
    "/settings/connections?notice=constructor&error=__proto__&account=a%0Ab",
    "/github/installation?installation_id=1%20OR%201&setup_action=constructor",
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
  }
});
