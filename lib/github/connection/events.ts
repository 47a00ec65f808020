import "server-only";
import type { Database } from "../../db/create-client";

export type ConnectionEventType =
  | "connected"
  | "reconnected"
  | "refreshed"
  | "refresh_failed"
  | "revoked"
  | "expired"
  | "disconnected"
  | "installed"
  | "installation_updated"
  | "installation_requested";

// Prisma's transaction client has the same model delegates as the client.
type Writer = Pick<Database, "connectionEvent">;

/** Appends to the audit trail. `detail` holds non-secret facts only — never a token. */
export function recordConnectionEvent(
  writer: Writer,
  event: { userId: string; connectionId?: string | null; type: ConnectionEventType; detail?: Record<string, unknown> },
) {
  return writer.connectionEvent.create({
    data: {
      userId: event.userId,
      connectionId: event.connectionId ?? null,
      type: event.type,
      detail: JSON.stringify(event.detail ?? {}),
    },
  });
}
