import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { logger } from "../ops/logger";
import { metrics } from "../ops/metrics";
import { claimJob, recordJobRun, releaseJob } from "./lease";

// Runs the background jobs that are due, each on exactly one instance per period (lib/jobs/lease.ts).
// Time comes from a clock the caller passes, so tests can move it forward instead of waiting.

export type Clock = () => Date;

export type JobContext = {
  /** The clock's time when the run started. */
  now: Date;
  /** Aborted on shutdown: a job stops taking new items and returns what it did so far. */
  signal: AbortSignal;
};

export type Job = {
  name: string;
  /** How often the job is due, across all instances. */
  everyMs: number;
  /** Counts of what the run did, for the run record, the log and metrics (never a token). */
  run(context: JobContext): Promise<Record<string, number>>;
};

/** Longer than any run: each job handles a bounded batch per run (see the jobs' BATCH). */
export const JOB_LEASE_MS = 15 * 60_000;
/** A failed run is tried again sooner than its period, but not in a tight loop. */
const RETRY_FAILED_AFTER_MS = 5 * 60_000;

/** Who holds a lease: readable in the JobLease/JobRun rows, unique per process. */
export function workerHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export type RunOutcome = { job: string; outcome: "ok" | "failed" | "interrupted"; detail: Record<string, number> };

/** Runs every due job this holder can claim, one after another. Returns what ran here. */
export async function runDueJobs(
  jobs: readonly Job[],
  { clock, holder, signal = new AbortController().signal }: { clock: Clock; holder: string; signal?: AbortSignal },
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (const job of jobs) {
    if (signal.aborted) break;
    const now = clock();
    if (!(await claimJob(job.name, holder, now, JOB_LEASE_MS))) continue;
    outcomes.push(await runClaimed(job, { now, signal }, holder));
  }
  return outcomes;
}

async function runClaimed(job: Job, context: JobContext, holder: string): Promise<RunOutcome> {
  const startedAt = new Date();
  let outcome: RunOutcome["outcome"] = "ok";
  let detail: Record<string, number> = {};
  try {
    detail = await job.run(context);
    if (context.signal.aborted) outcome = "interrupted";
  } catch (error) {
    outcome = "failed";
    logger().error({ job: job.name, err: error }, "background job failed");
  }
  const finishedAt = new Date();
  const durationMs = finishedAt.getTime() - startedAt.getTime();
  // Interrupted: due again at once, for whichever instance is still running.
  const next = outcome === "ok" ? job.everyMs : outcome === "failed" ? Math.min(job.everyMs, RETRY_FAILED_AFTER_MS) : 0;
  try {
    await recordJobRun({ job: job.name, holder, startedAt, finishedAt, outcome, detail });
  } finally {
    await releaseJob(job.name, holder, new Date(context.now.getTime() + next));
  }
  metrics().jobRuns.inc({ job: job.name, outcome });
  metrics().jobDuration.observe({ job: job.name }, durationMs / 1000);
  logger()[outcome === "ok" ? "info" : "warn"]({ job: job.name, outcome, durationMs, ...detail }, "background job run");
  return { job: job.name, outcome, detail };
}
