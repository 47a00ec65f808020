import "server-only";
import type { Database } from "../database/client";
import type { InstallationPayload } from "./webhook-events";

// The GitHub App's installations as webhooks report them: created, suspended, unsuspended,
// deleted, repositories added or removed. Rows are upserted by GitHub's installation id, so a
// delivery that arrives before (or without) the one that created the installation still lands.

type Writer = Pick<Database, "installation">;
export type InstallationStatus = "active" | "suspended" | "deleted";

function fieldsOf(installation: InstallationPayload) {
  return {
    accountId: String(installation.account.id),
    accountLogin: installation.account.login,
    accountType: installation.account.type,
    accountAvatarUrl: installation.account.avatar_url ?? null,
    repositorySelection: installation.repository_selection,
    permissions: JSON.stringify(installation.permissions ?? {}),
  };
}

function upsert(writer: Writer, installation: InstallationPayload, changes: { status?: InstallationStatus; suspendedAt?: Date | null; deletedAt?: Date | null }) {
  const fields = { ...fieldsOf(installation), ...changes };
  return writer.installation.upsert({
    where: { githubInstallationId: String(installation.id) },
    create: { githubInstallationId: String(installation.id), status: "active", ...fields },
    update: fields,
  });
}

export function installationCreated(writer: Writer, installation: InstallationPayload) {
  return upsert(writer, installation, { status: "active", suspendedAt: null, deletedAt: null });
}

export function installationDeleted(writer: Writer, installation: InstallationPayload, now = new Date()) {
  return upsert(writer, installation, { status: "deleted", deletedAt: now });
}

export function installationSuspended(writer: Writer, installation: InstallationPayload, now = new Date()) {
  const suspendedAt = installation.suspended_at ? new Date(installation.suspended_at) : now;
  return upsert(writer, installation, { status: "suspended", suspendedAt });
}

export function installationUnsuspended(writer: Writer, installation: InstallationPayload) {
  return upsert(writer, installation, { status: "active", suspendedAt: null });
}

/** Repositories added or removed: the selection (all | selected) and permissions follow. */
export function installationRepositoriesChanged(writer: Writer, installation: InstallationPayload) {
  return upsert(writer, installation, {});
}
