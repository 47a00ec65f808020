import "server-only";
import { readRows } from "../../db/client";
import { rawTable } from "../../db/raw-table";
import { Prisma } from "../../generated/sqlite/client";
import { parseConnectionStatus, type ConnectionStatus } from "./status";

// What proxy.ts needs on every app request: the status of the signed-in person's connection, in
// ONE read that both unique indexes answer (Session.sessionToken → GitHubConnection.userId).
// Prisma's relation queries would take up to three round trips here, hence one line of SQL.

let tables: { session: Prisma.Sql; connection: Prisma.Sql } | undefined;

function tableNames() {
  tables ??= { session: rawTable("Session"), connection: rawTable("GitHubConnection") };
  return tables;
}

export function connectionStatusQuery(sessionToken: string): Prisma.Sql {
  const { session, connection } = tableNames();
  return Prisma.sql`SELECT c."status" AS "status", s."expires" AS "expires" FROM ${session} s JOIN ${connection} c ON c."userId" = s."userId" WHERE s."sessionToken" = ${sessionToken}`;
}

/** The connection status behind a session cookie, or null (no such session, expired, no connection). */
export async function connectionStatusForSession(
  sessionToken: string,
  now = Date.now(),
): Promise<ConnectionStatus | null> {
  const rows = await readRows<{ status: string; expires: Date }>(connectionStatusQuery(sessionToken));
  const row = rows[0];
  if (!row || row.expires.getTime() <= now) return null;
  return parseConnectionStatus(row.status);
}
