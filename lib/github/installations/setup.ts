import "server-only";
import { db } from "../../db/client";
import { transaction } from "../../db/transaction";
import { githubFor, githubWithToken } from "../client";
import { GitHubConnectionError } from "../api/errors";
import { connectingApp } from "../api/oauth-app";
import { exchangeCode } from "../api/token-endpoint";
import { problemOfFailure, type ConnectProblemCode } from "../connect/problems";
import { recordConnectionEvent } from "../connection/events";
import { saveGrant } from "../connection/store";
import { assertSignedInIdentity, IdentityMismatchError } from "../connect/identity";
import { consumeState } from "../../auth/single-use-state";
import { getEnv } from "../../config/env";
import { markRepositoryAnswersStale } from "../api/response-store";
import { listUserInstallations, type InstallationView } from "./from-github";
import { verifyInstallState } from "./install-state";
import { recordInstallation, resolveInstallationRequests } from "./records";
import { logger } from "../../ops/logger";

// GitHub's setup redirect after someone installs, updates or requests Hublink's GitHub App
// (`setup_action` = install | update | request), arriving at the same callback as OAuth.

export type SetupOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "confirmation"; installationId: string | null; setupAction: SetupAction }
  | { kind: "problem"; problem: ConnectProblemCode; account?: string };

export type SetupAction = "install" | "update" | "request";

/** GitHub's setup redirect, parsed at the route (app/api/github/callback/schema.ts). */
export type SetupParams = {
  setupAction: SetupAction;
  installationId: string | null;
  state: string | null;
  code: string | null;
};

/**
 * `binding`: the starting browser's INSTALL_COOKIE. Nothing is stored unless the state is ours,
 * made for this person in this browser, unused, and — when GitHub sent a code — the code's token
 * belongs to this person's GitHub account.
 */
export async function completeInstallationSetup(
  { setupAction, installationId, state, code }: SetupParams,
  userId: string | null,
  binding: string | undefined,
): Promise<SetupOutcome> {
  if (!state) {
    // An admin approving someone's request, or a change made on GitHub: no flow of ours started
    // this, and the visitor may not even be signed in here. Never act on it blindly — confirm,
    // reconcile what this person can see, and let the installation.created webhook settle requests.
    if (userId) await reconcileQuietly(userId);
    return { kind: "confirmation", installationId, setupAction };
  }

  const claims = await verifyInstallState(state, binding);
  if (!claims) return { kind: "problem", problem: "install_state_invalid" };
  if (claims.userId !== userId) return { kind: "problem", problem: "install_state_foreign" };
  if (!(await consumeState("install", claims.nonce, claims.expiresAt)))
    return { kind: "problem", problem: "install_state_used" };

  try {
    // With "request user authorization during installation", GitHub sends a code: it also connects —
    // but only the signed-in person's own GitHub account, checked before the token is used at all.
    const tokens = code ? await exchangeCode(connectingApp(), code) : null;
    const owner = tokens ? await assertSignedInIdentity(userId, tokens.accessToken) : null;
    const github = tokens ? githubWithToken(tokens.accessToken) : githubFor(userId);

    if (setupAction === "request") {
      await recordPendingRequest(userId);
      if (tokens && owner) await saveGrant(userId, owner, tokens, connectingApp().kind);
      return { kind: "redirect", to: claims.returnTo };
    }

    if (!installationId) return { kind: "problem", problem: "installation_not_visible" };
    const installation = (await listUserInstallations(github)).find((i) => i.id === installationId);
    if (!installation) return { kind: "problem", problem: "installation_not_visible" };

    if (tokens && owner) await saveGrant(userId, owner, tokens, connectingApp().kind);
    await storeInstallation(userId, installation, setupAction === "update" ? "installation_updated" : "installed");
    return { kind: "redirect", to: claims.returnTo };
  } catch (error) {
    if (error instanceof IdentityMismatchError)
      return { kind: "problem", problem: "identity_mismatch", account: error.authorised.login };
    if (error instanceof GitHubConnectionError) return { kind: "problem", problem: "install_needs_connection" };
    const problem = problemOfFailure(error);
    if (problem) return { kind: "problem", problem };
    throw error;
  }
}

/**
 * GitHub's redirect for a request does not say which account it was for, so a person has at most
 * one open request without an account: asking again while one is pending adds nothing.
 */
async function recordPendingRequest(userId: string) {
  await transaction(db, async (tx) => {
    const open = await tx.installationRequest.findFirst({ where: { userId, status: "pending", accountLogin: null } });
    if (open) return;
    const request = await tx.installationRequest.create({ data: { userId, status: "pending" } });
    await recordConnectionEvent(tx, { userId, type: "installation_requested", detail: { requestId: request.id } });
  });
}

async function storeInstallation(
  userId: string,
  installation: InstallationView,
  type: "installed" | "installation_updated",
) {
  await transaction(db, async (tx) => {
    // The person can now see other repositories: lists and searches are asked again, not served fresh.
    // First, as the installation webhook does: the two may run at once on two instances, and
    // taking the same rows in opposite orders deadlocked on PostgreSQL.
    await markRepositoryAnswersStale(tx, getEnv().github.apiUrl, [], { includeRepositoryLists: true });
    await recordInstallation(tx, installation);
    await resolveInstallationRequests(tx, userId, installation);
    await recordConnectionEvent(tx, {
      userId,
      type,
      detail: {
        installationId: installation.id,
        account: installation.accountLogin,
        repositorySelection: installation.repositorySelection,
      },
    });
  });
}

/** Brings stored installations in line with what GitHub shows this person; best effort. */
async function reconcileQuietly(userId: string) {
  try {
    const installations = await listUserInstallations(githubFor(userId));
    for (const installation of installations) await recordInstallation(db, installation);
  } catch (error) {
    logger().warn(`installation reconcile skipped: ${(error as Error).name}`);
  }
}
