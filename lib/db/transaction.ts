import "server-only";
import type { Database } from "./create-client";
import { isTransientConflict } from "./errors";

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/**
 * Runs `work` in a transaction, and once more when PostgreSQL ended it to let another one go on (a
 * deadlock, a serialization failure): the rollback undid all of it, and the second run meets the
 * other transaction committed. Writers take shared rows in one order (docs/architecture.md), so this
 * is for what no order foresaw. `work` must be safe to run twice: database work only, nothing sent
 * to GitHub or anyone else from inside it.
 */
export async function transaction<T>(database: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await database.$transaction(work);
  } catch (error) {
    if (!isTransientConflict(error)) throw error;
    return database.$transaction(work);
  }
}
