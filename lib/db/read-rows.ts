import "server-only";
import { createHash } from "node:crypto";
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "../generated/sqlite/client";
import { databaseTarget, postgresConnection, sqliteFilePath } from "./target";

/** Runs a read-only raw query (built with Prisma.sql and rawTable) and returns its rows. */
export type ReadRows = <Row>(query: Prisma.Sql) => Promise<Row[]>;

/**
 * The reads every page view makes, each query of lib/db/raw-table.ts's kind, on connections of
 * their own that only read, straight through the driver with each statement prepared once:
 * Prisma's client engine around a raw query costs more than the query (measured here, the session
 * join: SQLite 0.30 ms through $queryRaw, 0.01 ms direct; PostgreSQL 0.4–0.8 ms of CPU through
 * $queryRaw, 0.16–0.29 ms direct). They see what Prisma's connections have committed, never a
 * transaction's half (SQLite in WAL mode, lib/db/adapters.ts, lets a connection read while another
 * writes). Rows come back as Prisma's $queryRaw returns them: DateTime columns as Date.
 * Parameters are text or numbers only: a Date would be compared as the driver formats it, which is
 * not how Prisma stores it.
 */
export function rowReader(databaseUrl: string): ReadRows {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "postgresql") {
    const pool = postgresReadPool(databaseUrl);
    return async <Row>(query: Prisma.Sql) => {
      const values = checkedParameters(query.values);
      const name = `hublink_${createHash("sha1").update(query.text).digest("hex").slice(0, 16)}`;
      return (await pool.query({ name, text: query.text, values })).rows as Row[];
    };
  }
  const file = sqliteFilePath(databaseUrl);
  // Opened at the first read: the file exists by then (migrations ran at startup).
  return async <Row>(query: Prisma.Sql) =>
    sqliteReadConnection(file).all(query.sql, checkedParameters(query.values)) as Row[];
}

/** Closes every read connection of this process (shutdown, after the last request). */
export async function closeReadConnections(): Promise<void> {
  const { sqlite, postgres } = connections();
  for (const connection of sqlite.values()) connection.close();
  sqlite.clear();
  await Promise.all([...postgres.values()].map((pool) => pool.end()));
  postgres.clear();
}

function checkedParameters(values: unknown[]): unknown[] {
  for (const value of values) {
    if (value !== null && typeof value !== "string" && typeof value !== "number") {
      throw new TypeError("rowReader takes text and number parameters only");
    }
  }
  return values;
}

// One per database per process, on globalThis like the Prisma client (lib/db/client.ts).
function connections() {
  const holder = globalThis as unknown as {
    hublinkReadConnections?: { sqlite: Map<string, SqliteReads>; postgres: Map<string, pg.Pool> };
  };
  return (holder.hublinkReadConnections ??= { sqlite: new Map(), postgres: new Map() });
}

// Prisma keeps DateTime in PostgreSQL as timestamp(3) without time zone, in UTC; pg would read it
// as local time.
const TIMESTAMP_OID = 1114;
const readAsUtc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

function postgresReadPool(databaseUrl: string): pg.Pool {
  const pools = connections().postgres;
  let pool = pools.get(databaseUrl);
  if (!pool) {
    const { connectionString } = postgresConnection(databaseUrl);
    pool = new pg.Pool({
      connectionString,
      max: 5,
      // The server itself refuses a write on these connections.
      options: "-c default_transaction_read_only=on",
      allowExitOnIdle: true,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === TIMESTAMP_OID ? readAsUtc : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    pools.set(databaseUrl, pool);
  }
  return pool;
}

type SqliteReads = ReturnType<typeof openSqliteReads>;
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

function sqliteReadConnection(file: string): SqliteReads {
  const all = connections().sqlite;
  let connection = all.get(file);
  if (!connection) all.set(file, (connection = openSqliteReads(file)));
  return connection;
}

function openSqliteReads(file: string) {
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
      const { statement, columns } = prepare(sql);
      const rows = statement.all(...values) as Record<string, unknown>[];
      for (const row of rows) {
        for (const { name, convert } of columns) if (convert) row[name] = convert(row[name]);
      }
      return rows;
    },
    close: () => database.close(),
  };
}
