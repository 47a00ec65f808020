import "server-only";
import { cache } from "react";
import { tokenCipher } from "../../crypto/app-cipher";
import { db } from "../../db/client";
import { connectApp, type ConnectionKind } from "../api/oauth-app";
import { recordConnectionEvent, type ConnectionEventType } from "./events";
import { revokeGrant, type GitHubTokens, type GitHubUser } from "../connect/code-exchange";
import { FORGET_TOKENS } from "../tokens/revocation";

export type ConnectionStatus = "connected" | "revoked" | "expired" | "disconnected";

/** What pages show about a person's connection: no tokens, not even encrypted ones. */
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

/** Stores a freshly obtained grant (encrypted) and records "connected" or "reconnected". */
export async function saveConnection(userId: string, githubUser: GitHubUser, tokens: GitHubTokens, kind: ConnectionKind) {
  const cipher = tokenCipher();
  const now = new Date();
  const secrets = {
    accessTokenCiphertext: cipher.encrypt(tokens.accessToken),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenCiphertext: tokens.refreshToken ? cipher.encrypt(tokens.refreshToken) : null,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
  };
  const fields = {
    githubUserId: String(githubUser.id),
    login: githubUser.login,
    kind,
    status: "connected",
    scopes: tokens.scopes.join(" "),
    ...secrets,
    refreshClaimId: null,
    refreshClaimExpiresAt: null,
    connectedAt: now,
    lastVerifiedAt: now,
    revokedAt: null,
    revokedReason: null,
  };
  return db.$transaction(async (tx) => {
    const previous = await tx.gitHubConnection.findUnique({ where: { userId }, select: { id: true } });
    const connection = await tx.gitHubConnection.upsert({
      where: { userId },
      create: { userId, ...fields },
      update: { ...fields, version: { increment: 1 } },
    });
    await recordConnectionEvent(tx, {
      userId,
      connectionId: connection.id,
      type: previous ? "reconnected" : "connected",
      detail: { login: githubUser.login, kind, scopes: tokens.scopes, expiresAt: tokens.accessTokenExpiresAt?.toISOString() ?? null },
    });
    return connection;
  });
}

/** Read once per request, however many components (shell, page, panels) ask. */
export const getConnectionSummary = cache(async (userId: string): Promise<ConnectionSummary | null> => {
  const row = await db.gitHubConnection.findUnique({ where: { userId } });
  if (!row) return null;
  return {
    status: row.status as ConnectionStatus,
    login: row.login,
    kind: row.kind as ConnectionKind,
    scopes: row.scopes.split(" ").filter(Boolean),
    connectedAt: row.connectedAt,
    accessTokenExpiresAt: row.accessTokenExpiresAt,
    lastVerifiedAt: row.lastVerifiedAt,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
  };
});

export async function listConnectionEvents(userId: string, take = 20): Promise<ConnectionEventView[]> {
  const rows = await db.connectionEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  return rows.map((row) => ({
    id: row.id,
    type: row.type as ConnectionEventType,
    at: row.createdAt,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
}

/** When the access token was last renewed (the latest "refreshed" event), if ever. */
export async function lastRefreshedAt(userId: string): Promise<Date | null> {
  const event = await db.connectionEvent.findFirst({ where: { userId, type: "refreshed" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return event?.createdAt ?? null;
}

/**
 * Disconnect: revoke the grant at GitHub, then forget the tokens here whatever GitHub said — a
 * person who asks to disconnect must not stay connected because GitHub was unreachable.
 */
export async function disconnect(userId: string): Promise<{ revokedAtGitHub: boolean } | null> {
  const row = await db.gitHubConnection.findUnique({ where: { userId } });
  if (!row || row.status === "disconnected") return null;
  let revokedAtGitHub = true;
  if (row.accessTokenCiphertext) {
    let accessToken: string | null = null;
    try {
      accessToken = tokenCipher().decrypt(row.accessTokenCiphertext);
    } catch {
      revokedAtGitHub = false; // a token we cannot read is one we cannot revoke
    }
    if (accessToken) revokedAtGitHub = await revokeGrant({ ...connectApp(), kind: row.kind as ConnectionKind }, accessToken);
  }
  await db.$transaction(async (tx) => {
    await tx.gitHubConnection.update({
      where: { userId },
      data: { status: "disconnected", ...FORGET_TOKENS },
    });
    // Cached GitHub answers may hold private data: they go with the grant.
    await tx.gitHubResponseCache.deleteMany({ where: { userId } });
    await recordConnectionEvent(tx, { userId, connectionId: row.id, type: "disconnected", detail: { revokedAtGitHub } });
  });
  return { revokedAtGitHub };
}
