import "server-only";
import { connectApp } from "../api/oauth-app";
import { verifyConnectFlow } from "./flow-cookie";
import { saveConnection } from "../connection/store";
import { exchangeCode, fetchGitHubUser, OAuthExchangeError } from "./code-exchange";

export type ConnectOutcome = { ok: true; returnTo: string } | { ok: false; problem: string };

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

  const githubError = params.get("error");
  if (githubError) return { ok: false, problem: githubError };
  const code = params.get("code");
  if (!code) return { ok: false, problem: "code_missing" };

  const app = connectApp();
  try {
    const tokens = await exchangeCode(app, code, verified.flow.codeVerifier);
    const githubUser = await fetchGitHubUser(tokens.accessToken);
    await saveConnection(userId, githubUser, tokens, app.kind);
  } catch (error) {
    if (error instanceof OAuthExchangeError) return { ok: false, problem: error.code };
    if ((error as { status?: number }).status !== undefined || (error as Error).name === "TimeoutError") {
      return { ok: false, problem: "github_unreachable" };
    }
    throw error;
  }
  return { ok: true, returnTo: verified.flow.returnTo };
}
