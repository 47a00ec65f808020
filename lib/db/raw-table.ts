import "server-only";
import { getEnv } from "../config/env";
import { Prisma } from "../generated/sqlite/client";
import { databaseTarget, postgresConnection } from "./target";

/**
 * A table's name for raw SQL. On PostgreSQL it is qualified with the URL's ?schema= (tests use one
 * per run; Prisma qualifies its own queries the same way, but not raw ones).
 */
export function rawTable(name: string): Prisma.Sql {
  const url = getEnv().databaseUrl;
  const prefix =
    databaseTarget(url).provider === "postgresql" ? `"${postgresConnection(url).schema.replaceAll('"', '""')}".` : "";
  return Prisma.raw(`${prefix}"${name}"`);
}
