import "server-only";
import type { Database } from "../../db/create-client";
import type { InstallationView } from "./from-github";

type Writer = Pick<Database, "installation" | "installationRequest">;

/** Stores (or refreshes) an installation as GitHub reported it. */
export function recordInstallation(writer: Writer, installation: InstallationView) {
  const fields = {
    accountId: installation.accountId,
    accountLogin: installation.accountLogin,
    accountType: installation.accountType,
    accountAvatarUrl: installation.accountAvatarUrl,
    repositorySelection: installation.repositorySelection,
    permissions: JSON.stringify(installation.permissions),
    status: installation.suspendedAt ? "suspended" : "active",
    suspendedAt: installation.suspendedAt,
    deletedAt: null,
  };
  return writer.installation.upsert({
    where: { githubInstallationId: installation.id },
    create: { githubInstallationId: installation.id, ...fields },
    update: fields,
  });
}

/**
 * A request an org admin must approve is settled once the installation exists. GitHub's setup
 * redirect for a request does not say which account it was for, so a request may have no account:
 * only the installation.created webhook, which names the requester, may settle those.
 */
export function resolveInstallationRequests(
  writer: Writer,
  userId: string,
  installation: InstallationView,
  { namedRequester = false }: { namedRequester?: boolean } = {},
) {
  const accounts = namedRequester
    ? [{ accountLogin: installation.accountLogin }, { accountLogin: null }]
    : [{ accountLogin: installation.accountLogin }];
  return writer.installationRequest.updateMany({
    where: { userId, status: "pending", OR: accounts },
    data: { status: "approved", githubInstallationId: installation.id, resolvedAt: new Date() },
  });
}
