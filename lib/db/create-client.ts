// Builds a Prisma client for a DATABASE_URL. Not server-only so tests and scripts can use it;
// the app goes through lib/db/client.ts.
import { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client";
import { PrismaClient } from "../generated/sqlite/client";
import { postgresAdapterFactory, sqliteAdapterFactory } from "./adapters";
import { databaseTarget } from "./target";

// Both generated clients have the same models (one schema source, see scripts/derive-schema.ts);
// the SQLite one's type stands for both.
export type Database = PrismaClient;

export function createPrismaClient(url: string): Database {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") {
    return new PrismaClient({ adapter: sqliteAdapterFactory(target.url) });
  }
  return new PostgresPrismaClient({ adapter: postgresAdapterFactory(target.url) }) as unknown as Database;
}
