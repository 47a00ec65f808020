import "server-only";
import { getEnv } from "../config/env";
import { Prisma } from "../generated/sqlite/client";
import { databaseTarget, postgresConnection } from "./target";

// Raw SQL is used where a query runs on every page view. Prisma 6's client engine turns each model
// query into SQL in WebAssembly on the event loop before running it (measured here: a findUnique
// by primary key 0.35–0.6 ms, the same read as $queryRaw 0.07–0.16 ms), and a dashboard view makes
// several. Raw reads return the same row shapes on SQLite and PostgreSQL (DateTime columns as Date);
// tests/database/raw-reads.test.ts holds them to what the model queries return.

const onPostgres = (databaseUrl: string) => databaseTarget(databaseUrl).provider === "postgresql";

/**
 * A table's name for raw SQL. On PostgreSQL it is qualified with the URL's ?schema= (tests use one
 * per run; Prisma qualifies its own queries the same way, but not raw ones).
 */
export function rawTable(name: string, databaseUrl = getEnv().databaseUrl): Prisma.Sql {
  const prefix = onPostgres(databaseUrl) ? `"${postgresConnection(databaseUrl).schema.replaceAll('"', '""')}".` : "";
  return Prisma.raw(`${prefix}"${name}"`);
}

/**
 * The rows of `table` matching `where`, for an UPDATE or DELETE that must take their row locks in
 * key order. Statements that take several of the same rows (two instances storing, invalidating or
 * deleting one person's cached answers) deadlock on PostgreSQL when they take them in different
 * orders, and a plain UPDATE or DELETE takes them in whatever order its plan reads them. So on
 * PostgreSQL the rows are locked first, sorted by key in the "C" collation (byte order, which is
 * also how JavaScript sorts the ASCII keys it writes); SQLite has one writer at a time.
 */
export function rowsInKeyOrder(
  table: Prisma.Sql,
  key: readonly string[],
  where: Prisma.Sql,
  databaseUrl = getEnv().databaseUrl,
): Prisma.Sql {
  if (!onPostgres(databaseUrl)) return where;
  const columns = Prisma.raw(key.map((column) => `"${column}"`).join(", "));
  const order = Prisma.raw(key.map((column) => `"${column}" COLLATE "C"`).join(", "));
  return Prisma.sql`(${columns}) IN (SELECT ${columns} FROM ${table} WHERE ${where} ORDER BY ${order} FOR UPDATE)`;
}

/**
 * A timestamp parameter where PostgreSQL cannot infer its type from a column: in a VALUES list
 * read by a SELECT (an INSERT … SELECT), an untyped parameter is text.
 */
export function timestampParameter(value: Date | null, databaseUrl = getEnv().databaseUrl): Prisma.Sql {
  return onPostgres(databaseUrl) ? Prisma.sql`CAST(${value} AS timestamp(3))` : Prisma.sql`${value}`;
}

/**
 * Ends a SELECT that must see a row as its writers will commit it: on PostgreSQL it waits for a
 * transaction changing the row and reads the row as that transaction left it. SQLite has one
 * writer at a time.
 */
export function forShare(databaseUrl = getEnv().databaseUrl): Prisma.Sql {
  return onPostgres(databaseUrl) ? Prisma.sql`FOR SHARE` : Prisma.empty;
}
