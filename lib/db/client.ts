import "server-only";
import { createPrismaClient, type Database } from "./create-client";
import { getEnv } from "../config/env";

// One client per process; kept on globalThis so Next's dev-mode reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { hublinkDb?: Database };

export const db: Database = (globalForDb.hublinkDb ??= createPrismaClient(getEnv().databaseUrl));
