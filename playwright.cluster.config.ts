import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";
import { E2E_APP_URL, E2E_CLUSTER } from "./e2e/config";

// The two-instance suite: `npm run test:cluster` (E2E_CLUSTER=1). Runs the production build in
// .next (built by `npm run test:e2e`, or here when there is none) as two instances on PostgreSQL
// behind nginx, with the GitHub emulator — all started by e2e/cluster/launch.ts.
if (!E2E_CLUSTER) throw new Error("Run this suite with E2E_CLUSTER=1 (npm run test:cluster).");

export default defineConfig({
  testDir: "./e2e/cluster",
  testMatch: "**/*.spec.ts",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "reports/playwright-cluster.json" }]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report/cluster" }]],
  timeout: 45_000,
  use: { baseURL: E2E_APP_URL, trace: "retain-on-failure" },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
  webServer: {
    name: "hublink-cluster",
    command: "(test -f .next/BUILD_ID || npm run build) && node --import tsx e2e/cluster/launch.ts",
    url: `${E2E_APP_URL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
