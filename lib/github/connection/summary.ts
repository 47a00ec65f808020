import "server-only";
import { cache } from "react";
import { db } from "../../db/client";
import { parseConnectionEventType, type ConnectionEventType } from "./events";
import type { ConnectionKind, ConnectionStatus } from "./status";
import { findConnection } from "./store";

// What pages show about a person's connection: no tokens, not even encrypted ones.

export type ConnectionSummary = {
  status: ConnectionStatus;
  login: string;
  kind: ConnectionKind;
  scopes: string[];
  connectedAt: Date;
  accessTokenExpiresAt: Date | null;
  lastVerifiedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
};

export type ConnectionEventView = { id: string; type: ConnectionEventType; at: Date; detail: Record<string, unknown> };

/** Read once per request, however many components (shell, page, panels) ask. */
export const getConnectionSummary = cache(async (userId: string): Promise<ConnectionSummary | null> => {
  const connection = await findConnection(userId);
  if (!connection) return null;
  const { status, login, kind, scopes, connectedAt, accessTokenExpiresAt, lastVerifiedAt, revokedAt, revokedReason } =
    connection;
  return { status, login, kind, scopes, connectedAt, accessTokenExpiresAt, lastVerifiedAt, revokedAt, revokedReason };
});

/** Whether the person has a connection for the GitHub pages to use; revoked and expired ones are the reconnect flow's business. */
export async function hasConnection(userId: string): Promise<boolean> {
  const connection = await getConnectionSummary(userId);
  return connection !== null && connection.status !== "disconnected";
}

export async function listConnectionEvents(userId: string, take = 20): Promise<ConnectionEventView[]> {
  const rows = await db.connectionEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  return rows.flatMap((row) => {
    const type = parseConnectionEventType(row.type);
    return type ? [{ id: row.id, type, at: row.createdAt, detail: parseDetail(row.detail) }] : [];
  });
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** When the access token was last renewed (the latest "refreshed" event), if ever. */
export async function lastRefreshedAt(userId: string): Promise<Date | null> {
  const event = await db.connectionEvent.findFirst({
    where: { userId, type: "refreshed" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}
