// Sign-in when GitHub's /user answers with an error: no identity, no sign-in — never an account
// keyed "undefined" that every such sign-in would share.
import { appDatabase } from "../support/app-database";
import { emulatorControl } from "../support/emulator-control";
import { expect, freshWorld, test } from "../support/fixtures";

test.beforeEach(async () => {
  await freshWorld("octocat", "hubot");
});

for (const [what, fault] of [
  [
    "an error body with 200",
    { status: 200, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" } },
  ],
  ["a 500", { status: 500 }],
] as const) {
  test(`a /user answering ${what} at sign-in signs nobody in and creates no shared account`, async ({ page }) => {
    const accountsBefore = await appDatabase().account.count();
    await emulatorControl.addFault({ method: "GET", path: "^/api/v3/user$", ...fault, times: 2 });
    for (const login of ["octocat", "hubot"]) {
      await page.context().clearCookies();
      await page.goto("/");
      await page.getByRole("button", { name: "Sign in with GitHub" }).click();
      await page.getByRole("button", { name: login, exact: true }).click();
      await page.getByRole("button", { name: /^Authorize/ }).click();
      await expect(page.getByText("Signing in with GitHub did not work")).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
    }
    expect(await appDatabase().account.count()).toBe(accountsBefore);
    expect(await appDatabase().account.count({ where: { providerAccountId: "undefined" } })).toBe(0);
    await emulatorControl.clearFaults();
  });
}
