import { installationRepos } from "./access";
import type { GitHubApp, Installation, InstallationRequest } from "./model";
import type { EmulatorState } from "./state";
import type { WebhookSender } from "./webhooks";

// Installing, updating, requesting, approving, suspending and deleting the GitHub App — with the webhooks GitHub sends.

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export interface InstallChoice {
  account: string;
  repositorySelection: "all" | "selected";
  repositoryIds: number[];
}

export function findInstallation(state: EmulatorState, app: GitHubApp, account: string): Installation | undefined {
  return state.installations.find((i) => i.appId === app.id && i.account.toLowerCase() === account.toLowerCase());
}

export function installOrUpdate(
  state: EmulatorState,
  hooks: WebhookSender,
  app: GitHubApp,
  choice: InstallChoice,
  sender: string,
  requester?: string,
): { installation: Installation; action: "install" | "update" } {
  const existing = findInstallation(state, app, choice.account);
  if (existing) {
    const before = installationRepos(state, existing);
    existing.repositorySelection = choice.repositorySelection;
    existing.repositoryIds = choice.repositorySelection === "selected" ? [...choice.repositoryIds] : [];
    existing.updatedAt = iso(state.now());
    const after = installationRepos(state, existing);
    const added = after.filter((r) => !before.includes(r));
    const removed = before.filter((r) => !after.includes(r));
    hooks.installationRepositories(existing, sender, added, removed);
    return { installation: existing, action: "update" };
  }
  const installation: Installation = {
    id: state.nextId(),
    appId: app.id,
    account: state.account(choice.account)?.login ?? choice.account,
    repositorySelection: choice.repositorySelection,
    repositoryIds: choice.repositorySelection === "selected" ? [...choice.repositoryIds] : [],
    createdAt: iso(state.now()),
    updatedAt: iso(state.now()),
    suspendedAt: null,
    suspendedBy: null,
  };
  state.installations.push(installation);
  hooks.installation("created", installation, sender, installationRepos(state, installation), requester);
  return { installation, action: "install" };
}

export function requestInstallation(
  state: EmulatorState,
  app: GitHubApp,
  choice: InstallChoice,
  requester: string,
): InstallationRequest {
  const request: InstallationRequest = {
    id: state.nextId(),
    appId: app.id,
    account: state.account(choice.account)?.login ?? choice.account,
    requester,
    repositorySelection: choice.repositorySelection,
    repositoryIds: [...choice.repositoryIds],
    createdAt: iso(state.now()),
  };
  state.installationRequests.push(request);
  return request;
}

/** An org admin approves: the installation is created and installation.created carries the requester. */
export function approveRequest(
  state: EmulatorState,
  hooks: WebhookSender,
  id: number,
  approver?: string,
): Installation | undefined {
  const idx = state.installationRequests.findIndex((r) => r.id === id);
  const request = state.installationRequests[idx];
  if (!request) return undefined;
  state.installationRequests.splice(idx, 1);
  const org = state.account(request.account);
  const admin = approver ?? (org && "admins" in org ? org.admins[0] : undefined) ?? request.requester;
  return installOrUpdate(state, hooks, state.apps.githubApp, request, admin, request.requester).installation;
}

export function setSuspended(
  state: EmulatorState,
  hooks: WebhookSender,
  inst: Installation,
  suspended: boolean,
  by: string,
): void {
  if (suspended === (inst.suspendedAt !== null)) return;
  inst.suspendedAt = suspended ? iso(state.now()) : null;
  inst.suspendedBy = suspended ? by : null;
  inst.updatedAt = iso(state.now());
  hooks.installation(suspended ? "suspend" : "unsuspend", inst, by, installationRepos(state, inst));
}

export function deleteInstallation(state: EmulatorState, hooks: WebhookSender, inst: Installation, by: string): void {
  state.installations = state.installations.filter((i) => i !== inst);
  hooks.installation("deleted", inst, by, installationRepos(state, inst));
}
