import { describe, expect, it } from "vitest";
import {
  perPersonConcurrency,
  RETRY_SERVER_ERROR_AFTER_MS,
  retryOnRequest,
  retryServerErrorOnce,
} from "./request-scheduling";

/** A task that stays in flight until released, counting how many are in flight at once. */
function gate() {
  const releases: (() => void)[] = [];
  const inFlight = { now: 0, most: 0 };
  const task = (value: string) =>
    new Promise<string>((resolve) => {
      inFlight.now++;
      inFlight.most = Math.max(inFlight.most, inFlight.now);
      releases.push(() => {
        inFlight.now--;
        resolve(value);
      });
    });
  const releaseAll = async () => {
    while (releases.length) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { task, inFlight, releaseAll };
}

describe("perPersonConcurrency", () => {
  it("keeps one person to the limit while another person's requests go at once", async () => {
    const group = perPersonConcurrency(10);
    const octocat = gate();
    const hubot = gate();
    const theirs = Array.from({ length: 25 }, (_, i) => group.key("octocat").schedule({}, octocat.task, `o${i}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(octocat.inFlight.now).toBe(10);
    const others = [1, 2, 3].map((i) => group.key("hubot").schedule({}, hubot.task, `h${i}`));
    await new Promise((resolve) => setImmediate(resolve));
    expect(hubot.inFlight.now).toBe(3);
    // The plugin's retry of a rate-limited request (weight 0) does not wait for a place.
    const retry = gate();
    const retried = group.key("octocat").schedule({ weight: 0, priority: 0 }, retry.task, "retry");
    expect(retry.inFlight.now).toBe(1);

    await Promise.all([octocat.releaseAll(), hubot.releaseAll(), retry.releaseAll()]);
    expect(await Promise.all(theirs)).toEqual(Array.from({ length: 25 }, (_, i) => `o${i}`));
    expect(await Promise.all(others)).toEqual(["h1", "h2", "h3"]);
    expect(await retried).toBe("retry");
    expect(octocat.inFlight.most).toBe(10);
    expect(group.active()).toBe(0); // nobody is remembered once their requests are done
  });
});

describe("retryOnRequest", () => {
  it("runs a failed task again when the failed listener names a wait, with the same arguments", async () => {
    const scheduler = retryOnRequest();
    const seen: unknown[] = [];
    scheduler.on("failed", (error, info) => {
      seen.push({ error: (error as Error).message, ...info });
      return info.retryCount === 0 ? 5 : undefined;
    });
    let calls = 0;
    const task = async (a: string, b: number) => {
      calls++;
      if (calls === 1) throw new Error("rate limited");
      return `${a}${b}`;
    };
    expect(await scheduler.schedule(task, "x", 1)).toBe("x1");
    expect(calls).toBe(2);
    expect(seen).toEqual([{ error: "rate limited", args: ["x", 1], retryCount: 0 }]);
  });

  it("gives the error to the caller when the listener does not ask for a retry", async () => {
    const scheduler = retryOnRequest();
    scheduler.on("failed", (_error, info) => (info.retryCount === 0 ? 1 : undefined));
    let calls = 0;
    const failure = new Error("still failing");
    await expect(
      scheduler.schedule(async () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(2);
  });
});

describe("retryServerErrorOnce", () => {
  const options = (signal?: AbortSignal) => [{}, {}, { url: "/user", request: { signal } }];
  const status = (code: number) => Object.assign(new Error("GitHub"), { status: code });
  it("retries a 5xx or a network failure once, and nothing else", () => {
    const live = new AbortController().signal;
    expect(retryServerErrorOnce(status(502), { retryCount: 0, args: options(live) })).toBe(RETRY_SERVER_ERROR_AFTER_MS);
    expect(retryServerErrorOnce(status(500), { retryCount: 0, args: options() })).toBe(RETRY_SERVER_ERROR_AFTER_MS);
    expect(retryServerErrorOnce(status(502), { retryCount: 1, args: options(live) })).toBeUndefined();
    expect(retryServerErrorOnce(status(404), { retryCount: 0, args: options(live) })).toBeUndefined();
    expect(retryServerErrorOnce(status(403), { retryCount: 0, args: options(live) })).toBeUndefined();
  });
  it("does not retry once the request's deadline has passed (the abort Octokit reports as a 500)", () => {
    const expired = AbortSignal.abort(new DOMException("GitHub did not answer in time", "TimeoutError"));
    expect(retryServerErrorOnce(status(500), { retryCount: 0, args: options(expired) })).toBeUndefined();
  });
});
