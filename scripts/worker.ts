// `npm run worker`: the background jobs alone, for operators who run them apart from the web
// instances (set HUBLINK_WORKER=off on those). Any number may run; each job still runs once per
// period (lib/jobs/lease.ts). Started with the react-server condition, as the app's server code expects.
// SIGTERM/SIGINT: the current job finishes its item, releases its lease, and the database closes.
import { ConfigError, parseEnv } from "../lib/config/env";
import { db } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrations";
import { startWorker } from "../lib/jobs/worker";
import { logger } from "../lib/ops/logger";
import { loadEnvFiles } from "./env-files";

try {
  loadEnvFiles(false);
  const env = parseEnv(process.env);
  runMigrations(env.databaseUrl, { quiet: true });
  const worker = startWorker();
  const stop = async () => {
    await worker.stop();
    await db.$disconnect();
    logger().flush();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
