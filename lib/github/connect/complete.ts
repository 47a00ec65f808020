import "server-only";
import { connectingApp } from "../api/oauth-app";
import { exchangeCode } from "../api/token-endpoint";
import { saveGrant } from "../connection/store";
import { verifyConnectFlow } from "./flow-cookie";
import { assertSignedInIdentity, IdentityMismatchError } from "./identity";
import { problemCode, problemOfFailure, type ConnectProblemCode } from "./problems";

export type ConnectOutcome =
  | { ok: true; returnTo: string }
  /** `account`: the GitHub login GitHub authorised, when it is not the signed-in person's. */
  | { ok: false; problem: ConnectProblemCode; account?: string };

/**
 * Finishes the OAuth leg of connecting: the flow cookie must match (state, same user, not expired)
 * before anything else is looked at, then the code is exchanged with the PKCE verifier, GitHub must
 * say the token belongs to the signed-in person's GitHub account, and the tokens are stored
 * encrypted. Any failure stores nothing.
 */
export async function completeConnect(
  params: { state?: string | null; code?: string | null; error?: string | null },
  sealedFlow: string | undefined,
  userId: string,
): Promise<ConnectOutcome> {
  const verified = await verifyConnectFlow(sealedFlow, { state: params.state ?? null, userId });
  if (!verified.ok) return { ok: false, problem: verified.problem };

  // GitHub's own error string (access_denied …), mapped to one Hublink knows.
  const githubError = params.error;
  if (githubError) return { ok: false, problem: problemCode(githubError) };
  const code = params.code;
  if (!code) return { ok: false, problem: "code_missing" };

  const app = connectingApp();
  try {
    const tokens = await exchangeCode(app, code, verified.flow.codeVerifier);
    const owner = await assertSignedInIdentity(userId, tokens.accessToken);
    await saveGrant(userId, owner, tokens, app.kind);
  } catch (error) {
    if (error instanceof IdentityMismatchError)
      return { ok: false, problem: "identity_mismatch", account: error.authorised.login };
    const problem = problemOfFailure(error);
    if (problem) return { ok: false, problem };
    throw error;
  }
  return { ok: true, returnTo: verified.flow.returnTo };
}
