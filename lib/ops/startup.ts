import "server-only";
import { getEnv } from "../config/env";
import { db } from "../db/client";
import { closeReadConnections } from "../db/read-rows";
import { startWorker } from "../jobs/worker";
import { onShutdown } from "./lifecycle";

/**
 * Run once when the app's server starts (instrumentation.ts): the in-process background jobs unless
 * HUBLINK_WORKER=off, and what a graceful shutdown must close after the last request — the jobs
 * first, then the database.
 */
export function startAppProcess(): void {
  onShutdown("database", async () => {
    await closeReadConnections();
    await db.$disconnect();
  });
  if (!getEnv().ops.inProcessWorker) return;
  const worker = startWorker();
  onShutdown("background jobs", () => worker.stop());
}
