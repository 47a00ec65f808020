import "server-only";
import { GitHubConnectionError } from "../github/api/errors";
import { findConnectionsWithRefreshTokenExpiringBefore } from "../github/connection/store";
import { refreshConnection } from "../github/tokens/refresh";
import type { Job } from "./runner";

// A GitHub App refresh token dies after about six months unused. A person who does not visit for
// that long would come back to "reconnect"; refreshing every token within 30 days of that end keeps
// the connection alive without a visit. The refresh itself is the same claimed, exactly-once
// refresh a page view makes, so a page view at the same moment cannot cause a second one.

export const REFRESH_TOKEN_MARGIN_MS = 30 * 24 * 60 * 60_000;
const BATCH = 200;

export const refreshExpiringTokens: Job = {
  name: "refresh-expiring-tokens",
  everyMs: 60 * 60_000,
  async run({ now, signal }) {
    const due = await findConnectionsWithRefreshTokenExpiringBefore(
      new Date(now.getTime() + REFRESH_TOKEN_MARGIN_MS),
      BATCH,
    );
    const counts = { due: due.length, refreshed: 0, ended: 0, failed: 0 };
    for (const connection of due) {
      if (signal.aborted) break;
      try {
        await refreshConnection(connection, { afterRejection: false });
        counts.refreshed += 1;
      } catch (error) {
        // Ended (refresh token refused or past its end): stored and counted by the refresh itself.
        if (error instanceof GitHubConnectionError) counts.ended += 1;
        else counts.failed += 1; // GitHub could not answer: tokens kept, the next run tries again
      }
    }
    return counts;
  },
};
