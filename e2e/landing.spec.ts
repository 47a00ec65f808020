import { expect, test } from "@playwright/test";

test("the landing page introduces Hublink and offers sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Hublink");
  await expect(page.getByRole("heading", { level: 1, name: "Hublink" })).toBeVisible();
  await expect(page.getByText("keeps the connection healthy")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  // A production build against a configured GitHub is not demo mode.
  await expect(page.getByText("Demo mode")).toHaveCount(0);
});

test("an unknown page says so", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
