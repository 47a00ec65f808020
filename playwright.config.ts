import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";
import { E2E_APP_URL, E2E_EMULATOR_PORT, E2E_EMULATOR_URL, E2E_SERVER_LOG, e2eAppEnv } from "./e2e/config";
import { sqliteFilePath, sqliteFiles } from "./lib/db/target";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  // The two-instance suite has its own config (playwright.cluster.config.ts).
  testIgnore: "cluster/**",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: the app, the emulator and one browser at a time.
  workers: 1,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "reports/playwright.json" }]]
    : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
  webServer: [
    {
      name: "github-emulator",
      command: "npm run emulator",
      url: `${E2E_EMULATOR_URL}/_emulator/health`,
      env: { GITHUB_EMULATOR_PORT: String(E2E_EMULATOR_PORT), GITHUB_EMULATOR_APP_URL: E2E_APP_URL },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: "hublink",
      // The production build, started the way production starts it (migrations first).
      // Its output is also kept in E2E_SERVER_LOG, which a test searches for leaked tokens.
      command: `mkdir -p data && rm -f ${sqliteFiles(sqliteFilePath(e2eAppEnv.DATABASE_URL!)).join(" ")} && npm run build && npm start 2>&1 | tee ${E2E_SERVER_LOG}`,
      url: `${E2E_APP_URL}/`,
      env: e2eAppEnv,
      reuseExistingServer: false,
      timeout: 240_000,
    },
  ],
});
