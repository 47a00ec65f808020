// `npm start`: checks the whole configuration (one message naming every bad variable), applies
// pending migrations, then serves the production build in this process (scripts/server.ts: request
// logs, request ids, graceful shutdown). The background jobs start with the app unless
// HUBLINK_WORKER=off (lib/ops/startup.ts).
import { ConfigError, parseEnv } from "../lib/config/env";
import { loadEnvFiles } from "./env-files";
import { runDataMigrations, runMigrations } from "../lib/db/migrations";
import { serve } from "./server";

try {
  loadEnvFiles(false);
  const env = parseEnv(process.env);
  runMigrations(env.databaseUrl);
  runDataMigrations();
  const port = Number(process.env.PORT ?? (new URL(env.appUrl).port || "3000"));
  await serve({ port, publicUrl: env.appUrl });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
