import "server-only";
import { purgeConsumedStates } from "../auth/single-use-state";
import { db } from "../db/client";
import { purgeJobRuns } from "./lease";
import type { Job } from "./runner";

// What Hublink keeps only for a while (the README's retention rules, one function each):
// - cached GitHub answers (private repository data) not updated for 30 days;
// - webhook delivery ids past GitHub's redelivery window (3 days; kept a day longer), after which
//   GitHub cannot send the same delivery again;
// - records of used flow states once the state has expired on its own;
// - background job run records after 30 days.

const DAY_MS = 24 * 60 * 60_000;
export const RESPONSE_CACHE_RETENTION_MS = 30 * DAY_MS;
export const WEBHOOK_DELIVERY_RETENTION_MS = 4 * DAY_MS;
export const JOB_RUN_RETENTION_MS = 30 * DAY_MS;

/** Cached GitHub answers nobody has refreshed for the retention period. */
export async function purgeCachedResponses(now: Date): Promise<number> {
  const { count } = await db.gitHubResponseCache.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - RESPONSE_CACHE_RETENTION_MS) } },
  });
  return count;
}

export async function purgeWebhookDeliveries(now: Date): Promise<number> {
  const { count } = await db.webhookDelivery.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - WEBHOOK_DELIVERY_RETENTION_MS) } },
  });
  return count;
}

export const purgeExpiredData: Job = {
  name: "purge-expired-data",
  everyMs: 60 * 60_000,
  async run({ now }) {
    return {
      cachedResponses: await purgeCachedResponses(now),
      webhookDeliveries: await purgeWebhookDeliveries(now),
      flowStates: await purgeConsumedStates(now),
      jobRuns: await purgeJobRuns(new Date(now.getTime() - JOB_RUN_RETENTION_MS)),
    };
  },
};
