/**
 * Runs tasks with at most `limit` in flight, each resolving on its own (GitHub asks integrations to
 * avoid many concurrent requests). `onIdle` is called whenever the last task in flight finishes.
 */
export function concurrencyLimit(limit: number, onIdle?: () => void): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next in line, so none can slip in between.
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else if (--running === 0) onIdle?.();
    }
  };
}

/** Promise.all with at most `limit` tasks in flight. */
export function mapBounded<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const run = concurrencyLimit(limit);
  return Promise.all(items.map((item) => run(() => task(item))));
}
