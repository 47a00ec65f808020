import "server-only";
import { createPrismaClient, type Database } from "./create-client";
import { getEnv } from "../config/env";
import { rowReader, type ReadRows } from "./read-rows";

// One client per process; kept on globalThis so Next's dev-mode reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { hublinkDb?: Database };

export const db: Database = (globalForDb.hublinkDb ??= createPrismaClient(getEnv().databaseUrl));

/** The page-view reads' way to the same database (lib/db/read-rows.ts). */
export const readRows: ReadRows = rowReader(getEnv().databaseUrl);
