// Direct access to the e2e app's SQLite database, for test setup (forgetting a user between tests)
// and for assertions a person cannot see in the browser (what is stored, and how).
import { readFileSync } from "node:fs";
import { createPrismaClient, type Database } from "../../lib/db/create-client";
import { sqliteFilePath } from "../../lib/db/target";
import { e2eAppEnv } from "../config";

let client: Database | undefined;

export function appDatabase(): Database {
  client ??= createPrismaClient(e2eAppEnv.DATABASE_URL!);
  return client;
}

/** Deletes a person (and, by cascade, their sessions, connection and events) so a test starts fresh. */
export async function forgetUser(login: string) {
  await appDatabase().user.deleteMany({ where: { login } });
}

/** The raw bytes of the database file: what a stolen disk would reveal. */
export function rawDatabaseFile(): string {
  return readFileSync(sqliteFilePath(e2eAppEnv.DATABASE_URL!)).toString("latin1");
}
