import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "../config/env";
import { countConnectionsByStatus } from "../github/connection/store";
import { latestJobRuns } from "../jobs/lease";
import { logger } from "./logger";
import { metrics } from "./metrics";

// GET /api/metrics: Prometheus text, for a scraper holding METRICS_TOKEN. Without the variable the
// endpoint does not exist (404), so a deployment exposes nothing it did not ask for.

function sameToken(presented: string, expected: string): boolean {
  // Hashes first: equal lengths for timingSafeEqual, and no early exit on the token's length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Database-backed gauges: the same on every instance, whichever instance ran the jobs. */
async function readDatabaseGauges(): Promise<void> {
  const m = metrics();
  const [connections, runs] = await Promise.all([countConnectionsByStatus(), latestJobRuns()]);
  for (const [status, count] of Object.entries(connections)) m.connections.set({ status }, count);
  m.jobLastRun.reset();
  m.jobLastItems.reset();
  for (const run of runs) {
    m.jobLastRun.set({ job: run.job, outcome: run.outcome }, run.finishedAt.getTime() / 1000);
    for (const [item, value] of Object.entries(run.detail)) {
      if (typeof value === "number") m.jobLastItems.set({ job: run.job, item }, value);
    }
  }
}

export async function metricsResponse(authorization: string | null): Promise<Response> {
  const expected = getEnv().ops.metricsToken;
  if (!expected) return new Response("Not Found", { status: 404 });
  const presented = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!presented || !sameToken(presented, expected)) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  try {
    await readDatabaseGauges();
  } catch (error) {
    // The process's own metrics are still worth scraping; readiness reports the database.
    logger().warn({ err: error }, "metrics: database gauges unavailable");
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
