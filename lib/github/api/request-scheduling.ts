import "server-only";
import { concurrencyLimit } from "./bounded";

// What @octokit/plugin-throttling schedules GitHub's reads through, without Bottleneck's timer hops.
// The plugin runs every request of a client through one Bottleneck limiter (to retry rate limits)
// and then a per-person Bottleneck group (at most ten in flight). Bottleneck yields to the event
// loop with setTimeout(0) at each internal step and serialises submissions, so a dashboard's five
// first requests left 3–4 ms apart and the first 9 ms late: every wave of a view paid ~20 ms of
// waiting before GitHub saw it. These two keep the plugin's rules and its retry decisions (the
// plugin's own "failed" handler still decides), with plain promises. The plugin takes them as
// state (`throttle: { global, retryLimiter }`, as it takes `search`); its write, notification and
// search rules stay Bottleneck's.

type JobOptions = { weight?: number; priority?: number };
type Task<R> = (...args: never[]) => Promise<R>;

/**
 * At most `limit` requests of one person in flight, process-wide; the rest wait in order. A job of
 * weight 0 (the plugin's retry of a rate-limited request) does not take a place, as in Bottleneck.
 */
export function perPersonConcurrency(limit: number) {
  const people = new Map<string, ReturnType<typeof concurrencyLimit>>();
  const limitOf = (id: string) => {
    let run = people.get(id);
    if (!run) people.set(id, (run = concurrencyLimit(limit, () => people.delete(id))));
    return run;
  };
  return {
    key: (id: string) => ({
      schedule: <R>(options: JobOptions, task: Task<R>, ...args: unknown[]): Promise<R> =>
        options.weight === 0 ? task(...(args as never[])) : limitOf(id)(() => task(...(args as never[]))),
    }),
    /** People with requests in flight or waiting (for tests). */
    active: () => people.size,
  };
}

type FailedListener = (error: unknown, info: { args: unknown[]; retryCount: number }) => unknown;

/**
 * Runs a task and, when it fails, asks the "failed" listener whether to run it again: a number is
 * the wait in ms before the next attempt, anything else gives the error to the caller (Bottleneck's
 * contract, which the plugin's listener is written for).
 */
export function retryOnRequest() {
  const listeners: FailedListener[] = [];
  return {
    on(event: string, listener: FailedListener) {
      if (event === "failed") listeners.push(listener);
    },
    async schedule<R>(task: Task<R>, ...args: unknown[]): Promise<R> {
      for (let retryCount = 0; ; retryCount++) {
        try {
          return await task(...(args as never[]));
        } catch (error) {
          let wait: unknown;
          for (const listener of listeners) wait ??= await listener(error, { args, retryCount });
          if (typeof wait !== "number") throw error;
          await new Promise((resolve) => setTimeout(resolve, wait as number));
        }
      }
    },
  };
}

/**
 * One quick retry of what GitHub may not repeat: a 5xx, or no answer at all (Octokit reports a
 * network failure as 500). A person is waiting, and "Try again" is theirs to press. Rate limits
 * (403/429) are the plugin's to retry, when GitHub says they reset within seconds. Not once the
 * request's deadline has passed (Octokit reports that abort as a 500 too): the retry could only
 * fail, a quarter of a second later. This is @octokit/plugin-retry's rule for `retries: 1`,
 * without the Bottleneck it creates per request. `args` are the plugin's: [state, request, options].
 */
export const RETRY_SERVER_ERROR_AFTER_MS = 250;
export function retryServerErrorOnce(
  error: unknown,
  { retryCount, args }: { retryCount: number; args: unknown[] },
): number | undefined {
  const status = (error as { status?: unknown }).status;
  const deadline = (args[2] as { request?: { signal?: AbortSignal } } | undefined)?.request?.signal;
  if (retryCount > 0 || deadline?.aborted) return undefined;
  return typeof status === "number" && status >= 500 ? RETRY_SERVER_ERROR_AFTER_MS : undefined;
}
