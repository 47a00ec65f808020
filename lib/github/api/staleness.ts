import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { GitHubUnavailableError } from "./errors";

// Which stored answers a load had to fall back on because GitHub could not answer. The response
// cache notes them here; settle() collects them for the panel that made the load, so the panel can
// show its data marked "as of …" instead of an error. Scoped with AsyncLocalStorage because one
// coalesced GitHub call may serve several panels, each of which must learn it got a stale copy.

export type StaleNote = {
  /** When GitHub last sent or confirmed the copy shown. */
  asOf: Date;
  problem: GitHubUnavailableError;
};

const scope = new AsyncLocalStorage<StaleNote[]>();

export function noteStale(note: StaleNote): void {
  scope.getStore()?.push(note);
}

/** Runs a load and says whether any of its answers was a stale copy (the oldest, if several). */
export async function collectStaleness<T>(load: () => Promise<T>): Promise<{ value: T; stale: StaleNote | null }> {
  const notes: StaleNote[] = [];
  const value = await scope.run(notes, load);
  return { value, stale: oldest(...notes) };
}

/**
 * Runs work none of whose answers is shown (requests made ahead, on a guess): a stored copy it had
 * to fall back on must not mark the panel that started it as stale.
 */
export function outsideStaleness<T>(work: () => T): T {
  return scope.exit(work);
}

/** Of several loads shown together, the note to show: the oldest copy, or none when all were fresh. */
export function oldest(...notes: (StaleNote | null | undefined)[]): StaleNote | null {
  return notes.reduce<StaleNote | null>((a, b) => (!b || (a && a.asOf <= b.asOf) ? a : b), null);
}
