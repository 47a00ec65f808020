import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";

// The one writer of JobLease and JobRun rows. A job runs on one instance at a time and once per
// period across all of them: an instance claims the job's row with a conditional update (due, and
// no live lease) that only one writer can win — the same pattern as the token-refresh claim.
// The lease outlives any run (runs are bounded well under it), so a live holder is never raced; a
// holder that dies (crash, kill -9) leaves a lease that simply runs out and the next instance runs the job.

export type JobRecord = {
  job: string;
  holder: string;
  startedAt: Date;
  finishedAt: Date;
  outcome: "ok" | "failed" | "interrupted";
  detail: Record<string, number | string>;
};

/** True when this holder won the job for this period. */
export async function claimJob(job: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  try {
    await db.jobLease.create({ data: { name: job, nextRunAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // the usual case: the row exists
  }
  const { count } = await db.jobLease.updateMany({
    where: { name: job, nextRunAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
    data: { holder, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Gives the job back, due again at `nextRunAt`; only the holder can (a lost lease changes nothing). */
export async function releaseJob(job: string, holder: string, nextRunAt: Date): Promise<void> {
  await db.jobLease.updateMany({
    where: { name: job, holder },
    data: { holder: null, leaseUntil: null, nextRunAt },
  });
}

export async function recordJobRun(record: JobRecord): Promise<void> {
  await db.jobRun.create({
    data: {
      job: record.job,
      holder: record.holder,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
      durationMs: record.finishedAt.getTime() - record.startedAt.getTime(),
      outcome: record.outcome,
      detail: JSON.stringify(record.detail),
    },
  });
}

/** The latest run of each job, for metrics. */
export async function latestJobRuns(): Promise<
  { job: string; finishedAt: Date; durationMs: number; outcome: string; detail: Record<string, unknown> }[]
> {
  const latest = await db.jobRun.groupBy({ by: ["job"], _max: { finishedAt: true } });
  const rows = await Promise.all(
    latest.map(({ job, _max }) =>
      _max.finishedAt ? db.jobRun.findFirst({ where: { job, finishedAt: _max.finishedAt } }) : null,
    ),
  );
  return rows.filter((row) => row !== null).map((row) => ({ ...row, detail: parseDetail(row.detail) }));
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Forgets run records older than `before`. */
export async function purgeJobRuns(before: Date): Promise<number> {
  const { count } = await db.jobRun.deleteMany({ where: { finishedAt: { lt: before } } });
  return count;
}
