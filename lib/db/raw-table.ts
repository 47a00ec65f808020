import "server-only";
import { getEnv } from "../config/env";
import { Prisma } from "../generated/sqlite/client";
import { databaseTarget, postgresConnection } from "./target";

// Raw SQL is used where a query runs on every page view. Prisma 6's client engine turns each model
// query into SQL in WebAssembly on the event loop before running it (measured here: a findUnique
// by primary key 0.35–0.6 ms, the same read as $queryRaw 0.07–0.16 ms), and a dashboard view makes
// several. Raw reads return the same row shapes on SQLite and PostgreSQL (DateTime columns as Date);
// tests/database/raw-reads.test.ts holds them to what the model queries return.

/**
 * A table's name for raw SQL. On PostgreSQL it is qualified with the URL's ?schema= (tests use one
 * per run; Prisma qualifies its own queries the same way, but not raw ones).
 */
export function rawTable(name: string, databaseUrl = getEnv().databaseUrl): Prisma.Sql {
  const prefix =
    databaseTarget(databaseUrl).provider === "postgresql"
      ? `"${postgresConnection(databaseUrl).schema.replaceAll('"', '""')}".`
      : "";
  return Prisma.raw(`${prefix}"${name}"`);
}
