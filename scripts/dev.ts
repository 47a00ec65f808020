// `npm run dev`: the app on the embedded defaults. Generates local secrets, migrates the database,
// starts the local GitHub emulator when in demo mode, then runs `next dev`.
import { spawn } from "node:child_process";
import { demoEmulatorApps } from "../lib/config/demo";
import { ConfigError, parseEnv } from "../lib/config/env";
import { loadEnvFiles } from "./env-files";
import { ensureLocalSecrets } from "./local-secrets";
import { runDataMigrations, runMigrations } from "../lib/db/migrations";

async function main() {
  const generated = ensureLocalSecrets();
  if (generated.length) console.log(`wrote ${generated.join(", ")} to .env.local`);
  loadEnvFiles(true);

  const env = parseEnv(process.env);
  runMigrations(env.databaseUrl);
  runDataMigrations();

  let stopEmulator = async () => {};
  if (env.demoMode) {
    const { startEmulator } = await import("@hublink/github-emulator");
    const emulator = await startEmulator({
      port: Number(new URL(env.github.url).port),
      appUrl: env.appUrl,
      apps: demoEmulatorApps(env.appUrl),
    });
    stopEmulator = emulator.stop;
    console.log(`demo mode: GitHub emulator at ${emulator.url} (sign in as octocat, hubot or monalisa)`);
  }

  const port = new URL(env.appUrl).port || "3000";
  const next = spawn("next", ["dev", "--port", port], { stdio: "inherit", env: process.env });
  const shutdown = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await stopEmulator();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
