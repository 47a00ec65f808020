import "server-only";
import type { Database } from "../../db/create-client";

export const CONNECTION_EVENT_TYPES = [
  "connected",
  "reconnected",
  "refreshed",
  "refresh_failed",
  "revoked",
  "expired",
  "disconnected",
  "installed",
  "installation_updated",
  "installation_requested",
] as const;
export type ConnectionEventType = (typeof CONNECTION_EVENT_TYPES)[number];

export function parseConnectionEventType(value: string): ConnectionEventType | null {
  return (CONNECTION_EVENT_TYPES as readonly string[]).includes(value) ? (value as ConnectionEventType) : null;
}

// Prisma's transaction client has the same model delegates as the client.
type Writer = Pick<Database, "connectionEvent">;

/** Appends to the audit trail. `detail` holds non-secret facts only — never a token or anything derived from one. */
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
