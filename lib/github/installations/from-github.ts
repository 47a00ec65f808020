import "server-only";
import type { Octokit } from "@octokit/rest";
import type { GitHubClient } from "../client";

/** A GitHub App installation as Hublink stores and shows it. */
export type InstallationView = {
  id: string;
  accountId: string;
  accountLogin: string;
  accountType: string;
  accountAvatarUrl: string | null;
  repositorySelection: "all" | "selected";
  permissions: Record<string, string>;
  suspendedAt: Date | null;
  htmlUrl: string;
};

type GitHubInstallation = Awaited<
  ReturnType<Octokit["rest"]["apps"]["listInstallationsForAuthenticatedUser"]>
>["data"]["installations"][number];

export function toInstallationView(installation: GitHubInstallation): InstallationView {
  const account = installation.account as {
    id?: number;
    login?: string;
    slug?: string;
    type?: string;
    avatar_url?: string;
  } | null;
  return {
    id: String(installation.id),
    accountId: String(account?.id ?? ""),
    accountLogin: account?.login ?? account?.slug ?? "unknown",
    accountType: account?.type ?? "Enterprise",
    accountAvatarUrl: account?.avatar_url ?? null,
    repositorySelection: installation.repository_selection,
    permissions: installation.permissions as Record<string, string>,
    suspendedAt: installation.suspended_at ? new Date(installation.suspended_at) : null,
    htmlUrl: installation.html_url,
  };
}

/**
 * The installations of Hublink's GitHub App that this person can see (GET /user/installations) —
 * the only trustworthy answer to "may this person use installation N?", since installation_id in a
 * setup URL can be made up. An answer that decides access is never taken from the cache unasked:
 * `no-cache` makes it a conditional request (a 304 is still free).
 */
export async function listUserInstallations(github: GitHubClient): Promise<InstallationView[]> {
  const installations = await github.paginate(github.rest.apps.listInstallationsForAuthenticatedUser, {
    per_page: 100,
    headers: { "cache-control": "no-cache" },
  });
  return installations.map(toInstallationView);
}

/** The repositories an installation grants this person (for "selected" installations on the connections page). */
export async function listInstallationRepositories(github: GitHubClient, installationId: string) {
  const repositories = await github.paginate(github.rest.apps.listInstallationReposForAuthenticatedUser, {
    installation_id: Number(installationId),
    per_page: 100,
  });
  return repositories.map((repo) => ({ fullName: repo.full_name, private: repo.private, htmlUrl: repo.html_url }));
}
