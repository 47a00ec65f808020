// /github/installation?installation_id=N: the account and status of an installation are shown only to
// a signed-in person whose own GitHub installations include it — never to anyone who types an id.
import { SEEDED_INSTALLATION_ID } from "@hublink/github-emulator";
import { expect, freshWorld, test } from "../support/fixtures";

test.beforeEach(async () => {
  await freshWorld("octocat", "hubot");
});

test("an anonymous visitor or another person learns nothing about someone's installation", async ({
  page,
  hublink,
}) => {
  const url = `/github/installation?installation_id=${SEEDED_INSTALLATION_ID}`;
  await page.goto(url);
  await expect(page.getByRole("status")).not.toContainText("octocat");

  await hublink.signIn("hubot");
  await hublink.connect("hubot");
  await page.goto(url);
  await expect(page.getByRole("status")).not.toContainText("octocat");
});

test("the person whose installation it is sees it", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto(`/github/installation?installation_id=${SEEDED_INSTALLATION_ID}`);
  await expect(page.getByRole("status")).toContainText("The installation on octocat is active");
});
