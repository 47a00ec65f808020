// `npm start`: checks the whole configuration (one message naming every bad variable), applies
// pending migrations, then serves the production build.
import { spawn } from "node:child_process";
import { ConfigError, parseEnv } from "../lib/config/env";
import { loadEnvFiles } from "./env-files";
import { runDataMigrations, runMigrations } from "../lib/db/migrations";

try {
  loadEnvFiles(false);
  const env = parseEnv(process.env);
  runMigrations(env.databaseUrl);
  runDataMigrations();
  const port = process.env.PORT ?? (new URL(env.appUrl).port || "3000");
  const next = spawn("next", ["start", "--port", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
