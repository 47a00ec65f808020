import "server-only";
import { logger } from "../ops/logger";
import { runDueJobs, workerHolderId, type Clock, type Job } from "./runner";
import { JOBS } from "./schedule";

// The loop that keeps connections alive without visits: every minute it runs whichever jobs are
// due and not held by another instance. Any number of instances may run it (see lease.ts).

const POLL_MS = 60_000;
/** On shutdown a run in progress gets this long to finish its current item and release its lease. */
const STOP_TIMEOUT_MS = 10_000;

export type Worker = { stop(): Promise<void> };

export function startWorker({
  jobs = JOBS,
  clock = () => new Date(),
  pollMs = POLL_MS,
}: { jobs?: readonly Job[]; clock?: Clock; pollMs?: number } = {}): Worker {
  const holder = workerHolderId();
  const stopping = new AbortController();
  const { signal } = stopping;
  logger().info({ holder, jobs: jobs.map((job) => job.name) }, "background jobs started");
  const loop = (async () => {
    while (!signal.aborted) {
      try {
        await runDueJobs(jobs, { clock, holder, signal });
      } catch (error) {
        logger().error({ err: error }, "background jobs: could not check what is due");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  })();
  return {
    async stop() {
      stopping.abort();
      const gaveUp = await Promise.race([
        loop.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref()),
      ]);
      // A run still going has its lease run out on its own (JOB_LEASE_MS); nothing is lost.
      logger().info({ holder, gaveUp }, "background jobs stopped");
    },
  };
}
