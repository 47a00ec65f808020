import "server-only";
import { reconcileInstallations } from "./reconcile-installations";
import { refreshExpiringTokens } from "./refresh-expiring-tokens";
import { purgeExpiredData } from "./retention";
import type { Job } from "./runner";
import { verifyIdleConnections } from "./verify-idle-connections";

/** Every background job, in the order a worker runs the due ones. */
export const JOBS: readonly Job[] = [
  refreshExpiringTokens,
  verifyIdleConnections,
  purgeExpiredData,
  reconcileInstallations,
];
