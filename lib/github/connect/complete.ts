import "server-only";
import { connectingApp } from "../api/oauth-app";
import { exchangeCode } from "../api/token-endpoint";
import { saveGrant } from "../connection/store";
import { fetchGitHubUser } from "./authorize";
import { verifyConnectFlow } from "./flow-cookie";
import { problemCode, problemOfFailure, type ConnectProblemCode } from "./problems";

export type ConnectOutcome = { ok: true; returnTo: string } | { ok: false; problem: ConnectProblemCode };

/**
 * Finishes the OAuth leg of connecting: the flow cookie must match (state, same user, not expired)
 * before anything else is looked at, then the code is exchanged with the PKCE verifier and the
 * tokens are stored encrypted. Any failure stores nothing.
 */
export async function completeConnect(
  params: URLSearchParams,
  sealedFlow: string | undefined,
  userId: string,
): Promise<ConnectOutcome> {
  const verified = await verifyConnectFlow(sealedFlow, { state: params.get("state"), userId });
  if (!verified.ok) return { ok: false, problem: verified.problem };

  // GitHub's own error string (access_denied …), mapped to one Hublink knows.
  const githubError = params.get("error");
  if (githubError) return { ok: false, problem: problemCode(githubError) };
  const code = params.get("code");
  if (!code) return { ok: false, problem: "code_missing" };

  const app = connectingApp();
  try {
    const tokens = await exchangeCode(app, code, verified.flow.codeVerifier);
    const githubUser = await fetchGitHubUser(tokens.accessToken);
    await saveGrant(userId, githubUser, tokens, app.kind);
  } catch (error) {
    const problem = problemOfFailure(error);
    if (problem) return { ok: false, problem };
    throw error;
  }
  return { ok: true, returnTo: verified.flow.returnTo };
}
