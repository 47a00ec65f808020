import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { consumeState } from "../../auth/single-use-state";
import { getEnv } from "../../config/env";
import { safeReturnTo } from "../../navigation/return-to";

// The connect flow's memory between /api/github/connect and /api/github/callback: state, PKCE
// verifier, where to return and who started it, sealed (encrypted + signed) by iron-session in a
// short-lived cookie that only those two routes receive and that the callback always deletes.

export const FLOW_COOKIE = "hublink_connect_flow";
const FLOW_TTL_SECONDS = 10 * 60;

export type ConnectFlow = {
  state: string;
  codeVerifier: string;
  returnTo: string;
  userId: string;
  expiresAt: number;
};

export function codeChallengeOf(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export async function startConnectFlow(userId: string, returnTo: string, now = Date.now()) {
  const flow: ConnectFlow = {
    state: randomBytes(32).toString("base64url"),
    // 32 random bytes → a 43-character verifier, within RFC 7636's 43–128.
    codeVerifier: randomBytes(32).toString("base64url"),
    returnTo,
    userId,
    expiresAt: now + FLOW_TTL_SECONDS * 1000,
  };
  const sealed = await sealData(flow, { password: getEnv().sessionSecret, ttl: FLOW_TTL_SECONDS });
  return { flow, sealed, maxAge: FLOW_TTL_SECONDS };
}

export type FlowProblem = "flow_missing" | "flow_expired" | "state_mismatch" | "wrong_user";

const sealedFlow = z.object({
  state: z.string().min(1),
  codeVerifier: z.string().min(43),
  returnTo: z.string(),
  userId: z.string().min(1),
  expiresAt: z.number(),
});

/**
 * Opens the sealed cookie and checks it against the callback; a problem, or the flow. A flow that
 * passes is used up: the same state is refused from then on, even with a copy of the cookie.
 */
export async function verifyConnectFlow(
  sealed: string | undefined,
  { state, userId, now = Date.now() }: { state: string | null; userId: string; now?: number },
): Promise<{ ok: true; flow: ConnectFlow } | { ok: false; problem: FlowProblem; flow?: ConnectFlow }> {
  if (!sealed) return { ok: false, problem: "flow_missing" };
  // iron-session yields {} for a seal that is forged, altered, made with another password or past its ttl.
  const parsed = sealedFlow.safeParse(
    await unsealData(sealed, { password: getEnv().sessionSecret, ttl: FLOW_TTL_SECONDS }),
  );
  if (!parsed.success) return { ok: false, problem: "flow_expired" };
  const flow = { ...parsed.data, returnTo: safeReturnTo(parsed.data.returnTo) };
  if (flow.expiresAt <= now) return { ok: false, problem: "flow_expired", flow };
  if (!state || !constantTimeEqual(state, flow.state)) return { ok: false, problem: "state_mismatch", flow };
  if (flow.userId !== userId) return { ok: false, problem: "wrong_user", flow };
  if (!(await consumeState("connect", flow.state, new Date(flow.expiresAt))))
    return { ok: false, problem: "flow_missing", flow };
  return { ok: true, flow };
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
