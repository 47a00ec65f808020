import "server-only";
import { cache } from "react";
import { readRows } from "../../db/client";
import { rawTable } from "../../db/raw-table";
import { Prisma } from "../../generated/sqlite/client";
import { getEnv } from "../../config/env";
import { GitHubConnectionError, GitHubUnavailableError } from "../api/errors";
import { githubFor } from "../client";
import {
  listInstallationRepositories,
  listUserInstallations,
  type InstallationView,
} from "../installations/from-github";

export type InstallationWithRepositories = InstallationView & {
  repositories: { fullName: string; private: boolean; htmlUrl: string }[] | null;
};

export type PendingInstallationRequest = { id: string; accountLogin: string | null; requestedAt: Date };

/** Installations of Hublink's GitHub App this person can see, with the repositories of selective ones. */
export async function loadInstallations(userId: string): Promise<InstallationWithRepositories[]> {
  const github = githubFor(userId);
  const installations = await listUserInstallations(github);
  // One request per selective installation, all at once.
  return Promise.all(
    installations.map(async (installation) => ({
      ...installation,
      repositories:
        installation.repositorySelection === "selected" && !installation.suspendedAt
          ? await listInstallationRepositories(github, installation.id)
          : null,
    })),
  );
}

/** Read once per request: the shell and the connections page both show them. */
export const pendingInstallationRequests = cache(async (userId: string): Promise<PendingInstallationRequest[]> => {
  // Every page's shell asks: raw SQL, see lib/db/read-rows.ts.
  return readRows<PendingInstallationRequest>(Prisma.sql`SELECT "id", "accountLogin", "requestedAt"
    FROM ${rawTable("InstallationRequest")} WHERE "userId" = ${userId} AND "status" = 'pending'
    ORDER BY "requestedAt" DESC`);
});

/** Where a person changes an installation on GitHub ("Configure on GitHub"). */
export function installationSettingsUrl(installation: InstallationView): string {
  return installation.htmlUrl || `${getEnv().github.url}/settings/installations/${installation.id}`;
}

/**
 * The installation, if GitHub lists it among this person's installations of Hublink's App; null
 * otherwise — including when the person has no connection or GitHub cannot answer now.
 */
export async function installationVisibleTo(userId: string, installationId: string): Promise<InstallationView | null> {
  try {
    return (
      (await listUserInstallations(githubFor(userId))).find((installation) => installation.id === installationId) ??
      null
    );
  } catch (error) {
    if (error instanceof GitHubConnectionError || error instanceof GitHubUnavailableError) return null;
    throw error;
  }
}
