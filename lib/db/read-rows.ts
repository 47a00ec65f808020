import "server-only";
import Sqlite from "better-sqlite3";
import type { Database } from "./create-client";
import type { Prisma } from "../generated/sqlite/client";
import { databaseTarget, sqliteFilePath } from "./target";

/** Runs a read-only raw query (built with Prisma.sql and rawTable) and returns its rows. */
export type ReadRows = <Row>(query: Prisma.Sql) => Promise<Row[]>;

/**
 * The reads every page view makes, each query of lib/db/raw-table.ts's kind. On SQLite they run on
 * a connection of their own, straight through better-sqlite3 with each statement prepared once:
 * the driver is synchronous and in-process, so what a read costs is nearly all Prisma's client
 * engine around it (measured here: $queryRaw of the session join 0.30 ms, the same statement
 * 0.01 ms). WAL mode (lib/db/adapters.ts) lets this connection read while Prisma's writes: it sees
 * what has been committed, never a transaction's half. On PostgreSQL the round trip to the server
 * dominates, and the read goes through Prisma.
 */
export function rowReader(databaseUrl: string, prisma: Pick<Database, "$queryRaw">): ReadRows {
  if (databaseTarget(databaseUrl).provider !== "sqlite") return (query) => prisma.$queryRaw(query);
  const file = sqliteFilePath(databaseUrl);
  // Opened at the first read: the file exists by then (migrations ran at startup).
  return async <Row>(query: Prisma.Sql) => sqliteReadConnection(file).all(query.sql, query.values) as Row[];
}

type Column = { name: string; convert: ((value: unknown) => unknown) | null };
type Statement = { statement: Sqlite.Statement; columns: Column[] };

// Column types as Prisma declares them in SQLite; each converted to what Prisma's $queryRaw returns.
// A type not listed here (BOOLEAN, BIGINT, DECIMAL …) stops the query rather than answer differently.
const CONVERSIONS: Record<string, Column["convert"]> = {
  TEXT: null,
  INTEGER: null,
  REAL: null,
  DATETIME: (value) => (value === null ? null : new Date(value as string | number)),
};

function sqliteReadConnection(file: string) {
  const connections = ((globalThis as unknown as { hublinkSqliteReads?: Map<string, unknown> }).hublinkSqliteReads ??=
    new Map()) as Map<string, ReturnType<typeof openReadConnection>>;
  let connection = connections.get(file);
  if (!connection) connections.set(file, (connection = openReadConnection(file)));
  return connection;
}

function openReadConnection(file: string) {
  const database = new Sqlite(file, { fileMustExist: true });
  // This connection only reads; the database refuses a write on it.
  database.pragma("query_only = ON");
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let prepared = statements.get(sql);
    if (prepared) return prepared;
    // A list's length is part of its SQL (IN (?, ?, …)): a bound on what is kept.
    if (statements.size >= 500) statements.clear();
    const statement = database.prepare(sql);
    if (!statement.reader) throw new Error("rowReader only reads: this statement returns no rows");
    const columns = statement.columns().map(({ name, type }) => {
      const declared = (type ?? "TEXT").toUpperCase();
      if (!(declared in CONVERSIONS)) throw new Error(`rowReader: column "${name}" has type ${declared}, not read raw`);
      return { name, convert: CONVERSIONS[declared]! };
    });
    statements.set(sql, (prepared = { statement, columns }));
    return prepared;
  };
  return {
    all(sql: string, values: unknown[]): Record<string, unknown>[] {
      for (const value of values) {
        if (value !== null && typeof value !== "string" && typeof value !== "number") {
          throw new TypeError("rowReader takes text and number parameters only");
        }
      }
      const { statement, columns } = prepare(sql);
      const rows = statement.all(...values) as Record<string, unknown>[];
      for (const row of rows) {
        for (const { name, convert } of columns) if (convert) row[name] = convert(row[name]);
      }
      return rows;
    },
  };
}
