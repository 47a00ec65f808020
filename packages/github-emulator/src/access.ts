import type { AccessToken, Installation, Org, Repo } from "./model";
import type { EmulatorState } from "./state";

// Who can see what. A GitHub App user token sees the intersection of the user's access and the
// app's installations; an OAuth-app token sees private repositories only with the `repo` scope.

export type Affiliation = "owner" | "collaborator" | "organization_member";

export function affiliationOf(state: EmulatorState, login: string, repo: Repo): Affiliation | null {
  if (repo.owner === login) return "owner";
  if (repo.collaborators.includes(login)) return "collaborator";
  const owner = state.account(repo.owner);
  if (owner?.type === "Organization" && (owner as Org).members.includes(login)) return "organization_member";
  return null;
}

export function isOrgAdmin(state: EmulatorState, login: string, orgLogin: string): boolean {
  const org = state.account(orgLogin);
  return org?.type === "Organization" && (org as Org).admins.includes(login);
}

export function repoPermissions(state: EmulatorState, login: string, repo: Repo) {
  const aff = affiliationOf(state, login, repo);
  const admin = aff === "owner" || isOrgAdmin(state, login, repo.owner);
  const push = admin || aff !== null;
  return { admin, maintain: admin, push, triage: push, pull: true };
}

export function isGitHubAppToken(state: EmulatorState, token: AccessToken): boolean {
  return state.appByClientId(token.clientId)?.kind === "github_app";
}

export function installationCovers(inst: Installation, repo: Repo): boolean {
  if (inst.account.toLowerCase() !== repo.owner.toLowerCase()) return false;
  return inst.repositorySelection === "all" || inst.repositoryIds.includes(repo.id);
}

/** Installations of the token's app on accounts the token's user can reach (own account, their orgs). */
export function userInstallations(state: EmulatorState, token: AccessToken): Installation[] {
  const app = state.appByClientId(token.clientId);
  if (app?.kind !== "github_app") return [];
  const reachable = new Set([
    token.login.toLowerCase(),
    ...state.orgsOf(token.login).map((o) => o.login.toLowerCase()),
  ]);
  return state.installations.filter((i) => i.appId === app.id && reachable.has(i.account.toLowerCase()));
}

/** Repositories the app's active installations give this token's user. */
function installedForToken(state: EmulatorState, token: AccessToken, repo: Repo): boolean {
  return userInstallations(state, token).some((i) => i.suspendedAt === null && installationCovers(i, repo));
}

export function tokenCanRead(state: EmulatorState, token: AccessToken | null, repo: Repo): boolean {
  if (!repo.private) return true;
  if (!token || affiliationOf(state, token.login, repo) === null) return false;
  if (isGitHubAppToken(state, token)) return installedForToken(state, token, repo);
  return token.scopes.includes("repo");
}

/** The repositories /user/repos starts from: the user's affiliations, narrowed by what the token may see. */
export function affiliatedRepos(state: EmulatorState, token: AccessToken): { repo: Repo; affiliation: Affiliation }[] {
  const appToken = isGitHubAppToken(state, token);
  const out: { repo: Repo; affiliation: Affiliation }[] = [];
  for (const repo of state.world.repos) {
    const affiliation = affiliationOf(state, token.login, repo);
    if (!affiliation) continue;
    if (appToken ? !installedForToken(state, token, repo) : !tokenCanRead(state, token, repo)) continue;
    out.push({ repo, affiliation });
  }
  return out;
}

/** Repositories an installation covers, for /user/installations/{id}/repositories. */
export function installationRepos(state: EmulatorState, inst: Installation): Repo[] {
  return state.world.repos.filter((r) => installationCovers(inst, r));
}

/**
 * Whether the token may use a repository permission (`statuses`, `checks` …) on this repository.
 * Only GitHub App tokens are limited, and only on private repositories: there GitHub answers 403
 * "Resource not accessible by integration" unless the App asked for that permission.
 */
export function appMayRead(state: EmulatorState, token: AccessToken | null, repo: Repo, permission: string): boolean {
  if (!token || !repo.private) return true;
  const app = state.appByClientId(token.clientId);
  return app?.kind !== "github_app" || app.permissions[permission] !== undefined;
}
