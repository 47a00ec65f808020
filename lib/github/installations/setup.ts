import "server-only";
import { db } from "../../db/client";
import { githubFor, githubWithToken } from "../client";
import { GitHubConnectionError } from "../api/errors";
import { connectingApp } from "../api/oauth-app";
import { exchangeCode, type GitHubTokens } from "../api/token-endpoint";
import { fetchGitHubUser } from "../connect/authorize";
import { problemOfFailure, type ConnectProblemCode } from "../connect/problems";
import { recordConnectionEvent } from "../connection/events";
import { saveGrant } from "../connection/store";
import { listUserInstallations, type InstallationView } from "./from-github";
import { verifyInstallState } from "./install-state";
import { recordInstallation, resolveInstallationRequests } from "./records";

// GitHub's setup redirect after someone installs, updates or requests Hublink's GitHub App
// (`setup_action` = install | update | request), arriving at the same callback as OAuth.

export type SetupOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "confirmation"; installationId: string | null; setupAction: string }
  | { kind: "problem"; problem: ConnectProblemCode };

export async function completeInstallationSetup(params: URLSearchParams, userId: string | null): Promise<SetupOutcome> {
  const setupAction = params.get("setup_action") ?? "";
  const installationId = params.get("installation_id");
  const state = params.get("state");

  if (!state) {
    // An admin approving someone's request, or a change made on GitHub: no flow of ours started
    // this, and the visitor may not even be signed in here. Never act on it blindly — confirm,
    // reconcile what this person can see, and let the installation.created webhook settle requests.
    if (userId) await reconcileQuietly(userId);
    return { kind: "confirmation", installationId, setupAction };
  }

  const claims = await verifyInstallState(state);
  if (!claims) return { kind: "problem", problem: "install_state_invalid" };
  if (claims.userId !== userId) return { kind: "problem", problem: "install_state_foreign" };

  try {
    // With "request user authorization during installation", GitHub sends a code: it also connects.
    const code = params.get("code");
    const tokens = code ? await exchangeCode(connectingApp(), code) : null;
    const github = tokens ? githubWithToken(tokens.accessToken) : githubFor(userId);

    if (setupAction === "request") {
      await db.$transaction(async (tx) => {
        const request = await tx.installationRequest.create({ data: { userId, status: "pending" } });
        await recordConnectionEvent(tx, { userId, type: "installation_requested", detail: { requestId: request.id } });
      });
      if (tokens) await connect(userId, tokens);
      return { kind: "redirect", to: claims.returnTo };
    }

    if (!installationId || !/^\d+$/.test(installationId)) return { kind: "problem", problem: "installation_not_visible" };
    const installation = (await listUserInstallations(github)).find((i) => i.id === installationId);
    if (!installation) return { kind: "problem", problem: "installation_not_visible" };

    if (tokens) await connect(userId, tokens);
    await storeInstallation(userId, installation, setupAction === "update" ? "installation_updated" : "installed");
    return { kind: "redirect", to: claims.returnTo };
  } catch (error) {
    if (error instanceof GitHubConnectionError) return { kind: "problem", problem: "install_needs_connection" };
    const problem = problemOfFailure(error);
    if (problem) return { kind: "problem", problem };
    throw error;
  }
}

async function connect(userId: string, tokens: GitHubTokens) {
  await saveGrant(userId, await fetchGitHubUser(tokens.accessToken), tokens, connectingApp().kind);
}

async function storeInstallation(userId: string, installation: InstallationView, type: "installed" | "installation_updated") {
  await db.$transaction(async (tx) => {
    await recordInstallation(tx, installation);
    await resolveInstallationRequests(tx, userId, installation);
    await recordConnectionEvent(tx, {
      userId,
      type,
      detail: { installationId: installation.id, account: installation.accountLogin, repositorySelection: installation.repositorySelection },
    });
  });
}

/** Brings stored installations in line with what GitHub shows this person; best effort. */
async function reconcileQuietly(userId: string) {
  try {
    const installations = await listUserInstallations(githubFor(userId));
    for (const installation of installations) await recordInstallation(db, installation);
  } catch (error) {
    console.warn(`installation reconcile skipped: ${(error as Error).name}`);
  }
}
