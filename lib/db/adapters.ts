// Prisma driver adapters: JavaScript drivers instead of Prisma's engine binaries, which cannot be
// downloaded on machines without internet access (docs/architecture.md, "Database").
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { postgresConnection, sqliteFilePath } from "./target";

export function sqliteAdapterFactory(url: string) {
  const file = sqliteFilePath(url);
  // better-sqlite3 creates the file but not its folder (./data on a fresh clone).
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaBetterSQLite3({ url: `file:${file}` });
}

export function postgresAdapterFactory(url: string, poolOptions: pg.PoolConfig = {}) {
  const { connectionString, schema } = postgresConnection(url);
  return new PrismaPg({ connectionString, ...poolOptions }, { schema });
}

// Postgres type OIDs the JS schema engine cannot read: `name` (19) and `"char"` (18) columns of
// pg_catalog. Reporting them as text (25) lets `migrate deploy` introspect; values are strings anyway.
const UNREADABLE_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

/** For the Prisma CLI only (migrations); the runtime client needs no shim. */
export function postgresMigrationAdapterFactory(url: string) {
  const { connectionString, schema } = postgresConnection(url);
  // Migrations use unqualified table names: search_path puts them in the URL's schema.
  const pool = new pg.Pool({ connectionString, options: `-c search_path="${schema}"` });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult | undefined>;
  pool.query = (async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) {
      if (UNREADABLE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  }) as typeof pool.query;
  return new PrismaPg(pool, { schema });
}
