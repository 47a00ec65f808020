// Graceful shutdown, shared by the production server (outside the Next.js bundle), which decides
// when, and the app's code (inside it), which has things to finish: the in-process job worker and
// the database client. Both load this module separately, so the state lives on globalThis.
// Not server-only for the same reason.

type ShutdownHook = { name: string; run: () => Promise<void> };
type State = { draining: boolean; hooks: ShutdownHook[] };

const KEY = Symbol.for("hublink.lifecycle");
const holder = globalThis as unknown as Record<typeof KEY, State | undefined>;
const state: State = (holder[KEY] ??= { draining: false, hooks: [] });

/** True once SIGTERM arrived: readiness answers 503 so the load balancer stops sending requests. */
export function isDraining(): boolean {
  return state.draining;
}

export function startDraining(): void {
  state.draining = true;
}

/** Registers work to finish after the last request was answered (run in reverse order of registration). */
export function onShutdown(name: string, run: () => Promise<void>): void {
  state.hooks.push({ name, run });
}

/** Runs every hook once, last registered first (the database closes after what uses it). */
export async function runShutdownHooks(onError: (name: string, error: unknown) => void): Promise<void> {
  const hooks = state.hooks.splice(0).reverse();
  for (const hook of hooks) {
    try {
      await hook.run();
    } catch (error) {
      onError(hook.name, error);
    }
  }
}
