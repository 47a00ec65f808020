import "server-only";
import { db } from "../db/client";
import { githubFor } from "../github/client";
import { findConnectedGitHubAppConnections } from "../github/connection/store";
import { listUserInstallations } from "../github/installations/from-github";
import { recordInstallation } from "../github/installations/records";
import type { Job } from "./runner";

// Webhooks keep installations current, but a delivery can be lost (the app was down longer than
// GitHub retries). This brings stored installations in line with what GitHub shows each connected
// person (GET /user/installations), as the setup callback does after an installation.

const PAGE = 100;

export const reconcileInstallations: Job = {
  name: "reconcile-installations",
  everyMs: 6 * 60 * 60_000,
  async run({ signal }) {
    const counts = { connections: 0, installations: 0, failed: 0 };
    let after: string | null = null;
    for (;;) {
      const page = await findConnectedGitHubAppConnections(after, PAGE);
      for (const connection of page) {
        if (signal.aborted) return counts;
        counts.connections += 1;
        try {
          const installations = await listUserInstallations(githubFor(connection.userId));
          for (const installation of installations) await recordInstallation(db, installation);
          counts.installations += installations.length;
        } catch {
          counts.failed += 1; // revoked, expired or GitHub unavailable: stored or retried by the next run
        }
      }
      if (page.length < PAGE) return counts;
      after = page[page.length - 1]!.id;
    }
  },
};
