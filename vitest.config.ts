import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "packages/github-emulator/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Database tests share one SQLite file / Postgres schema per file; files run in separate forks.
    pool: "forks",
    // CI keeps a JSON report so .ci/run can print one closing "N passed, N failed" line.
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: process.env.VITEST_REPORT ?? "reports/vitest.json" }]]
      : ["default"],
  },
});
