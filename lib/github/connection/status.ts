import { z } from "zod";

// The words a stored connection is described in. Pure, so pages, the proxy and the store agree.

export const CONNECTION_KINDS = ["oauth_app", "github_app"] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const CONNECTION_STATUSES = ["connected", "revoked", "expired", "disconnected"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Revoked or expired: GitHub ended it, the person did not — they are asked to reconnect. */
export function isEnded(status: string | null | undefined): status is "revoked" | "expired" {
  return status === "revoked" || status === "expired";
}

const kinds = z.enum(CONNECTION_KINDS);
const statuses = z.enum(CONNECTION_STATUSES);

/** A stored kind as the domain word; a row with any other value is corrupt, and says so. */
export function parseConnectionKind(value: string): ConnectionKind {
  return kinds.parse(value);
}

export function parseConnectionStatus(value: string): ConnectionStatus {
  return statuses.parse(value);
}
