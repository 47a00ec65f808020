import "server-only";
import { GitHubConnectionError } from "../github/api/errors";
import { accessTokenOf, findConnectionsUnverifiedSince } from "../github/connection/store";
import { refreshConnection } from "../github/tokens/refresh";
import { REFRESH_AHEAD_MS } from "../github/tokens/valid-token";
import { VERIFY_AFTER_MS, verifyIfStale } from "../github/tokens/verification";
import type { Job } from "./runner";

// The daily token check a page view makes (tokens/verification.ts), made for connections nobody
// visits, so a revoked grant is noticed — and the person's connection shown as ended, webhooks
// aside — without waiting for them. Exactly what a visit does: an access token about to expire is
// refreshed (which counts as verified), any other is put to GitHub's token check.

const BATCH = 200;

export const verifyIdleConnections: Job = {
  name: "verify-idle-connections",
  everyMs: 60 * 60_000,
  async run({ now, signal }) {
    const due = await findConnectionsUnverifiedSince(new Date(now.getTime() - VERIFY_AFTER_MS), BATCH);
    const counts = { due: due.length, verified: 0, refreshed: 0, ended: 0, failed: 0 };
    for (const connection of due) {
      if (signal.aborted) break;
      const expiresSoon =
        connection.accessTokenExpiresAt !== null &&
        connection.accessTokenExpiresAt.getTime() - now.getTime() <= REFRESH_AHEAD_MS;
      try {
        if (expiresSoon && connection.refreshTokenCiphertext) {
          await refreshConnection(connection, { afterRejection: false });
          counts.refreshed += 1;
        } else {
          await verifyIfStale(connection, accessTokenOf(connection)!, now.getTime());
          counts.verified += 1;
        }
      } catch (error) {
        if (error instanceof GitHubConnectionError) counts.ended += 1;
        else counts.failed += 1;
      }
    }
    return counts;
  },
};
