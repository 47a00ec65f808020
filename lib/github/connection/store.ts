import "server-only";
import { randomUUID } from "node:crypto";
import { tokenCipher } from "../../crypto/app-cipher";
import { db, readRows } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { transaction } from "../../db/transaction";
import type { Database } from "../../db/create-client";
import { rawTable } from "../../db/raw-table";
import { Prisma } from "../../generated/sqlite/client";
import type { GitHubConnection as ConnectionRow } from "../../generated/sqlite/client";
import { forgetAnswers } from "../api/response-store";
import type { GitHubTokens } from "../api/token-endpoint";
import { recordConnectionEvent } from "./events";
import { parseConnectionKind, parseConnectionStatus, type ConnectionKind, type ConnectionStatus } from "./status";

// The ONLY module that writes GitHubConnection rows, and the one place rows become domain objects.
//
// The concurrency rule, for every write below: a row changes only under a condition on what the
// writer last saw — its `version` (claiming a refresh), the refresh claim it holds (saving or
// releasing a refresh), the exact access token GitHub rejected (ending a connection) or its status.
// Every write bumps `version`. So two app instances acting on the same connection at once can never
// both win, and a reconnect that happens meanwhile is never overwritten by a decision about the
// token it replaced.

export type StoredConnection = {
  id: string;
  userId: string;
  githubUserId: string;
  login: string;
  kind: ConnectionKind;
  status: ConnectionStatus;
  scopes: string[];
  accessTokenCiphertext: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenCiphertext: string | null;
  refreshTokenExpiresAt: Date | null;
  refreshClaimId: string | null;
  refreshClaimExpiresAt: Date | null;
  version: number;
  connectedAt: Date;
  lastVerifiedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
};

function toStoredConnection(row: ConnectionRow): StoredConnection {
  return {
    ...row,
    kind: parseConnectionKind(row.kind),
    status: parseConnectionStatus(row.status),
    scopes: row.scopes.split(" ").filter(Boolean),
  };
}

// Prisma's transaction client has the same model delegates as the client.
type Writer = Pick<Database, "gitHubConnection" | "connectionEvent" | "$executeRaw">;

/** Every token (and any refresh claim) of a connection, forgotten. */
const FORGET_TOKENS = {
  accessTokenCiphertext: null,
  accessTokenExpiresAt: null,
  refreshTokenCiphertext: null,
  refreshTokenExpiresAt: null,
  refreshClaimId: null,
  refreshClaimExpiresAt: null,
  version: { increment: 1 },
} as const;

// Each ciphertext is bound to its row and column (lib/crypto): a copy in another row does not decrypt.
const ACCESS_TOKEN = "accessToken";
const REFRESH_TOKEN = "refreshToken";

function sealTokens(connectionId: string, tokens: GitHubTokens) {
  const cipher = tokenCipher();
  return {
    accessTokenCiphertext: cipher.encrypt(tokens.accessToken, { row: connectionId, column: ACCESS_TOKEN }),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenCiphertext: tokens.refreshToken
      ? cipher.encrypt(tokens.refreshToken, { row: connectionId, column: REFRESH_TOKEN })
      : null,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
  };
}

/** The access token in clear, for a request to GitHub; null when none is stored. */
export function accessTokenOf(connection: Pick<StoredConnection, "id" | "accessTokenCiphertext">): string | null {
  return (
    connection.accessTokenCiphertext &&
    tokenCipher().decrypt(connection.accessTokenCiphertext, { row: connection.id, column: ACCESS_TOKEN })
  );
}

export function refreshTokenOf(connection: Pick<StoredConnection, "id" | "refreshTokenCiphertext">): string | null {
  return (
    connection.refreshTokenCiphertext &&
    tokenCipher().decrypt(connection.refreshTokenCiphertext, { row: connection.id, column: REFRESH_TOKEN })
  );
}

/**
 * Writes again every stored token whose ciphertext is in an older format (not bound to its row) or
 * under an older key, so old formats and retired keys can be dropped. Run at startup, after the
 * schema migrations; each row is rewritten only if nobody changed it meanwhile. Returns the count.
 */
export async function reencryptStoredTokens(): Promise<number> {
  const cipher = tokenCipher();
  const rows = await db.gitHubConnection.findMany({
    where: { OR: [{ accessTokenCiphertext: { not: null } }, { refreshTokenCiphertext: { not: null } }] },
    select: { id: true, accessTokenCiphertext: true, refreshTokenCiphertext: true },
  });
  let rewritten = 0;
  for (const row of rows) {
    const reseal = (sealed: string | null, column: string) => {
      if (!sealed || !cipher.needsReencryption(sealed)) return sealed;
      const place = { row: row.id, column };
      const plaintext = sealed.startsWith("v1.") ? cipher.decryptLegacy(sealed) : cipher.decrypt(sealed, place);
      return cipher.encrypt(plaintext, place);
    };
    const access = reseal(row.accessTokenCiphertext, ACCESS_TOKEN);
    const refresh = reseal(row.refreshTokenCiphertext, REFRESH_TOKEN);
    if (access === row.accessTokenCiphertext && refresh === row.refreshTokenCiphertext) continue;
    const { count } = await db.gitHubConnection.updateMany({
      where: {
        id: row.id,
        accessTokenCiphertext: row.accessTokenCiphertext,
        refreshTokenCiphertext: row.refreshTokenCiphertext,
      },
      data: { accessTokenCiphertext: access, refreshTokenCiphertext: refresh },
    });
    rewritten += count;
  }
  return rewritten;
}

/** Every page view reads it (the pages' summary, the token for GitHub): raw SQL, see lib/db/read-rows.ts. */
export async function findConnection(userId: string): Promise<StoredConnection | null> {
  const rows = await readRows<ConnectionRow>(
    Prisma.sql`SELECT * FROM ${rawTable("GitHubConnection")} WHERE "userId" = ${userId}`,
  );
  return rows[0] ? toStoredConnection(rows[0]) : null;
}

export async function findConnectionById(id: string): Promise<StoredConnection | null> {
  const row = await db.gitHubConnection.findUnique({ where: { id } });
  return row && toStoredConnection(row);
}

/**
 * Connections of a GitHub account (normally one Hublink person), for webhooks that name the
 * account; in id order, the order endConnections takes them in.
 */
export async function findConnectionsOfGitHubUser(
  githubUserId: string,
  reader: Pick<Database, "gitHubConnection"> = db,
): Promise<StoredConnection[]> {
  const rows = await reader.gitHubConnection.findMany({ where: { githubUserId }, orderBy: { id: "asc" } });
  return rows.map(toStoredConnection);
}

/** Stores a freshly obtained grant (encrypted) and records "connected" or "reconnected". */
export async function saveGrant(
  userId: string,
  githubUser: { id: number; login: string },
  tokens: GitHubTokens,
  kind: ConnectionKind,
): Promise<StoredConnection> {
  const now = new Date();
  const save = () =>
    transaction(db, async (tx) => {
      const previous = await tx.gitHubConnection.findUnique({ where: { userId }, select: { id: true } });
      // The row's id is known before the write: the ciphertexts are bound to it.
      const id = previous?.id ?? randomUUID();
      const fields = {
        githubUserId: String(githubUser.id),
        login: githubUser.login,
        kind,
        status: "connected" satisfies ConnectionStatus,
        scopes: tokens.scopes.join(" "),
        ...sealTokens(id, tokens),
        refreshClaimId: null,
        refreshClaimExpiresAt: null,
        connectedAt: now,
        lastVerifiedAt: now,
        revokedAt: null,
        revokedReason: null,
      };
      // Not an upsert: when another save of this person's first connection committed meanwhile, an
      // upsert would write tokens sealed for this id into the row that has the other id, where they
      // never decrypt. The create fails instead, and the save runs again as an update of that row.
      const connection = previous
        ? await tx.gitHubConnection.update({ where: { id }, data: { ...fields, version: { increment: 1 } } })
        : await tx.gitHubConnection.create({ data: { id, userId, ...fields } });
      await recordConnectionEvent(tx, {
        userId,
        connectionId: connection.id,
        type: previous ? "reconnected" : "connected",
        detail: {
          login: githubUser.login,
          kind,
          scopes: tokens.scopes,
          expiresAt: tokens.accessTokenExpiresAt?.toISOString() ?? null,
        },
      });
      return toStoredConnection(connection);
    });
  try {
    return await save();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return save();
  }
}

/**
 * Takes the right to refresh this connection's token for `leaseMs`: only the writer whose view
 * (`version`) is still current wins. The claim id, or null when someone else got there first.
 */
export async function claimRefresh(seen: StoredConnection, leaseMs: number, now = new Date()): Promise<string | null> {
  const claimId = randomUUID();
  const { count } = await db.gitHubConnection.updateMany({
    where: { id: seen.id, version: seen.version, status: "connected" },
    data: {
      refreshClaimId: claimId,
      refreshClaimExpiresAt: new Date(now.getTime() + leaseMs),
      version: { increment: 1 },
    },
  });
  return count === 1 ? claimId : null;
}

/**
 * Writes GitHub's new pair and releases the claim in one transaction, only while `claimId` still
 * holds it. False when the claim was taken over or the connection ended meanwhile.
 */
export async function saveRefreshedPair(
  seen: StoredConnection,
  claimId: string,
  tokens: GitHubTokens,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const { count } = await tx.gitHubConnection.updateMany({
      where: { id: seen.id, refreshClaimId: claimId },
      data: {
        ...sealTokens(seen.id, tokens),
        refreshClaimId: null,
        refreshClaimExpiresAt: null,
        lastVerifiedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 1) {
      await recordConnectionEvent(tx, {
        userId: seen.userId,
        connectionId: seen.id,
        type: "refreshed",
        detail: { expiresAt: tokens.accessTokenExpiresAt?.toISOString() ?? null },
      });
    }
    return count === 1;
  });
}

/** GitHub could not refresh now: both tokens stay, the claim is freed for the next request to try. */
export async function releaseRefreshClaim(seen: StoredConnection, claimId: string, reason: string): Promise<void> {
  await transaction(db, async (tx) => {
    const { count } = await tx.gitHubConnection.updateMany({
      where: { id: seen.id, refreshClaimId: claimId },
      data: { refreshClaimId: null, refreshClaimExpiresAt: null, version: { increment: 1 } },
    });
    if (count)
      await recordConnectionEvent(tx, {
        userId: seen.userId,
        connectionId: seen.id,
        type: "refresh_failed",
        detail: { reason },
      });
  });
}

/** GitHub confirmed the token is still good: the daily check can wait another day. */
export async function markVerified(seen: StoredConnection, now = new Date()): Promise<void> {
  await db.gitHubConnection.updateMany({
    where: { id: seen.id, accessTokenCiphertext: seen.accessTokenCiphertext },
    data: { lastVerifiedAt: now },
  });
}

/**
 * Which connection to end: by user, optionally only while it still holds the access token GitHub
 * rejected or the refresh claim of the writer (so a reconnect that happened meanwhile is never
 * undone), or every connection of a GitHub account made through one kind of app.
 */
export type ConnectionMatch =
  | { userId: string; accessTokenCiphertext?: string; refreshClaimId?: string }
  | { githubUserId: string; kind: ConnectionKind };

/**
 * GitHub ended the matching connections (revoked, or the refresh token is no longer accepted). The
 * row stays, so /reconnect can say what happened and when; the tokens and the cached GitHub answers
 * (which may hold private data) go. Returns how many connections this call ended: of several
 * requests that notice the same ending, one writes it and records the event.
 */
export async function endConnections(
  match: ConnectionMatch,
  status: "revoked" | "expired",
  reason: string,
  { writer, now = new Date() }: { writer?: Writer; now?: Date } = {},
): Promise<number> {
  const run = async (tx: Writer) => {
    // In id order: two endings of one GitHub account's connections at once take them in one order.
    const connections = await tx.gitHubConnection.findMany({
      where: { ...match, status: "connected" },
      select: { id: true, userId: true },
      orderBy: { id: "asc" },
    });
    let ended = 0;
    for (const connection of connections) {
      const { count } = await tx.gitHubConnection.updateMany({
        where: { ...match, id: connection.id, status: "connected" },
        data: { status, revokedAt: now, revokedReason: reason, ...FORGET_TOKENS },
      });
      if (count === 0) continue;
      ended++;
      await forgetAnswers(tx, connection.userId);
      await recordConnectionEvent(tx, {
        userId: connection.userId,
        connectionId: connection.id,
        type: status,
        detail: { reason },
      });
    }
    return ended;
  };
  return writer ? run(writer) : transaction(db, run);
}

/** The person disconnected: tokens and cached GitHub answers go, whatever GitHub said about the grant. */
export async function markDisconnected(connection: StoredConnection, revokedAtGitHub: boolean): Promise<void> {
  await transaction(db, async (tx) => {
    await tx.gitHubConnection.update({
      where: { id: connection.id },
      data: { status: "disconnected", ...FORGET_TOKENS },
    });
    await forgetAnswers(tx, connection.userId);
    await recordConnectionEvent(tx, {
      userId: connection.userId,
      connectionId: connection.id,
      type: "disconnected",
      detail: { revokedAtGitHub },
    });
  });
}

// ---- Reads for the background jobs (lib/jobs) ----

/** Connected GitHub App connections whose refresh token dies before `before`, soonest first. */
export async function findConnectionsWithRefreshTokenExpiringBefore(
  before: Date,
  limit: number,
): Promise<StoredConnection[]> {
  const rows = await db.gitHubConnection.findMany({
    where: {
      status: "connected",
      kind: "github_app",
      refreshTokenCiphertext: { not: null },
      refreshTokenExpiresAt: { lte: before },
    },
    orderBy: { refreshTokenExpiresAt: "asc" },
    take: limit,
  });
  return rows.map(toStoredConnection);
}

/** Connected connections nobody verified since `before` (or ever), longest unverified first. */
export async function findConnectionsUnverifiedSince(before: Date, limit: number): Promise<StoredConnection[]> {
  const rows = await db.gitHubConnection.findMany({
    where: {
      status: "connected",
      accessTokenCiphertext: { not: null },
      OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: before } }],
    },
    orderBy: { lastVerifiedAt: "asc" },
    take: limit,
  });
  return rows.map(toStoredConnection);
}

/** Connected GitHub App connections, for reconciling their installations; `after` pages by id. */
export async function findConnectedGitHubAppConnections(after: string | null, limit: number) {
  const rows = await db.gitHubConnection.findMany({
    where: { status: "connected", kind: "github_app", ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, userId: true },
  });
  return rows;
}

/** Stored connections by status, for metrics. */
export async function countConnectionsByStatus(): Promise<Record<ConnectionStatus, number>> {
  const groups = await db.gitHubConnection.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<ConnectionStatus, number> = { connected: 0, revoked: 0, expired: 0, disconnected: 0 };
  for (const group of groups) counts[parseConnectionStatus(group.status)] += group._count._all;
  return counts;
}
