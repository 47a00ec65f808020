import "server-only";
import type { Database } from "../../db/create-client";
import { recordConnectionEvent } from "../connection/events";
import { recordInstallation, resolveInstallationRequests } from "../installations/records";
import type { InstallationView } from "../installations/from-github";
import type { InstallationPayload } from "./payloads";

// The GitHub App's installations as webhooks report them: created, suspended, unsuspended,
// deleted, repositories added or removed. Rows are upserted by GitHub's installation id, so a
// delivery that arrives before (or without) the one that created the installation still lands.

type Writer = Pick<Database, "installation" | "installationRequest" | "gitHubConnection" | "connectionEvent">;

function viewOf(
  installation: InstallationPayload,
  suspendedAt = installation.suspended_at ? new Date(installation.suspended_at) : null,
): InstallationView {
  return {
    id: String(installation.id),
    accountId: String(installation.account.id),
    accountLogin: installation.account.login,
    accountType: installation.account.type,
    accountAvatarUrl: installation.account.avatar_url ?? null,
    repositorySelection: installation.repository_selection,
    permissions: installation.permissions ?? {},
    suspendedAt,
    htmlUrl: installation.html_url ?? "",
  };
}

/**
 * Stores the new installation. When it answers someone's request (an org admin approved it), the
 * requester's pending request is settled and their history says so — the setup redirect the admin
 * saw could not tell Hublink who asked.
 */
export async function installationCreated(
  writer: Writer,
  installation: InstallationPayload,
  requester: { id: number } | null = null,
) {
  const view = viewOf(installation);
  await recordInstallation(writer, view);
  if (!requester) return;
  // Every Hublink user connected as the requester (normally one).
  const connections = await writer.gitHubConnection.findMany({
    where: { githubUserId: String(requester.id) },
    select: { id: true, userId: true },
  });
  for (const connection of connections) {
    const { count } = await resolveInstallationRequests(writer, connection.userId, view, { namedRequester: true });
    if (count === 0) continue;
    await recordConnectionEvent(writer, {
      userId: connection.userId,
      connectionId: connection.id,
      type: "installed",
      detail: {
        installationId: view.id,
        account: view.accountLogin,
        repositorySelection: view.repositorySelection,
        approvedRequest: true,
      },
    });
  }
}

export function installationDeleted(writer: Writer, installation: InstallationPayload, now = new Date()) {
  return writer.installation.upsert({
    where: { githubInstallationId: String(installation.id) },
    create: { ...stored(installation), status: "deleted", deletedAt: now },
    update: { status: "deleted", deletedAt: now },
  });
}

export function installationSuspended(writer: Writer, installation: InstallationPayload, now = new Date()) {
  return recordInstallation(
    writer,
    viewOf(installation, installation.suspended_at ? new Date(installation.suspended_at) : now),
  );
}

export function installationUnsuspended(writer: Writer, installation: InstallationPayload) {
  return recordInstallation(writer, viewOf(installation, null));
}

/** Repositories added or removed, new permissions accepted: selection and permissions follow. */
export function installationChanged(writer: Writer, installation: InstallationPayload) {
  return recordInstallation(writer, viewOf(installation));
}

function stored(installation: InstallationPayload) {
  const view = viewOf(installation);
  return {
    githubInstallationId: view.id,
    accountId: view.accountId,
    accountLogin: view.accountLogin,
    accountType: view.accountType,
    accountAvatarUrl: view.accountAvatarUrl,
    repositorySelection: view.repositorySelection,
    permissions: JSON.stringify(view.permissions),
  };
}
