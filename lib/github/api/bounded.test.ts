import { describe, expect, it } from "vitest";
import { concurrencyLimit } from "./bounded";

describe("concurrencyLimit", () => {
  it("never has more than the limit in flight, and each task resolves on its own", async () => {
    const run = concurrencyLimit(2);
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      run(async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight--;
        return i;
      }),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(releases).toHaveLength(2);
    releases.shift()!();
    expect(await tasks[0]).toBe(0); // resolved while the others still wait
    // A task arriving now queues behind the three waiting, not beside the one running.
    const late = run(async () => "late");
    await settle();
    expect(releases).toHaveLength(2);
    while (releases.length) {
      releases.shift()!();
      await settle();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(await late).toBe("late");
    expect(most).toBe(2);
  });
});
