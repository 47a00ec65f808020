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
  const factory = new PrismaBetterSQLite3({ url: `file:${file}` });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript(SERVER_PRAGMAS);
    return adapter;
  };
  return factory;
}

// SQLite's defaults suit a library that writes rarely, not a server: in rollback-journal mode with
// full sync, every write (a 304 refreshing a cached answer's time, a stored answer) blocks the
// event loop for several fsyncs — 3.2 ms per write here, 0.7 ms in WAL mode with NORMAL sync, the
// pair Rails and most server frameworks choose for SQLite. WAL also lets readers go on while the
// app or the worker writes. The trade: a power cut (not a crash of the app) may forget the last
// moments' writes; the worst of those is a rotated token lost, and the person reconnects once.
// journal_mode is kept in the file; synchronous is per connection, so both are set on each.
const SERVER_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

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
