import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";

// A flow's state (connect, install) works once. The first callback that presents it records a hash
// of it; any later one — a replayed URL, a copied cookie — finds the record and is refused. Records
// are kept until the state would have expired anyway, then purged.

/** True the first time `state` is presented; false ever after. */
export async function consumeState(flow: "connect" | "install", state: string, expiresAt: Date): Promise<boolean> {
  const key = createHash("sha256").update(`${flow}:${state}`).digest("base64url");
  try {
    await db.consumedFlowState.create({ data: { key, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Forgets records of states that have expired on their own (nothing can present them any more). */
export async function purgeConsumedStates(now = new Date()): Promise<number> {
  const { count } = await db.consumedFlowState.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
