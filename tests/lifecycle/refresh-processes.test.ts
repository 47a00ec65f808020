// The refresh storm across two app processes sharing one database: this test's process and a
// second Node process (tests/support/refresh-worker.ts), 25 requests each, for one person whose
// token just expired. GitHub's token endpoint is slowed down so that whichever process claims the
// refresh is still talking to GitHub when the other arrives: the other must wait on the database
// claim. Exactly one refresh reaches GitHub and all 50 requests succeed.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectedUser,
  expireAccessToken,
  providers,
  refreshCount,
  startLifecycleWorld,
  type LifecycleWorld,
} from "../support/lifecycle";

describe.each(providers)("refresh storm across two processes on %s", (provider) => {
  let world: LifecycleWorld;
  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
  });
  afterAll(async () => world?.stop());

  it("makes exactly one refresh at GitHub, and all 50 requests succeed", async () => {
    const { githubFor } = await import("@/lib/github/client");
    const user = await connectedUser(world, "octocat");
    await expireAccessToken(world, user.id, "octocat");
    await world.control.addFault({ method: "POST", path: "^/login/oauth/access_token$", delayMs: 300 });

    const worker = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/refresh-worker.ts", user.id, "25"],
      {
        env: { ...process.env, ...world.env },
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    // Listen for its exit now: it may exit before we read its last line.
    const exited = once(worker, "exit");
    // A stuck worker fails the test in seconds, with what it printed, instead of hanging it.
    const watchdog = setTimeout(() => worker.kill(), 30_000);
    const lines = createInterface({ input: worker.stdout! })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe("ready");

    const started = performance.now();
    worker.stdin!.write("go\n");
    const here = await Promise.allSettled(
      Array.from({ length: 25 }, () =>
        githubFor(user.id)
          .request("GET /user")
          .then((r) => r.data.login),
      ),
    );
    // The worker's outcomes are its one JSON array line; its log lines (JSON objects) may come first.
    let there: unknown = null;
    while (!Array.isArray(there)) there = JSON.parse((await lines.next()).value as string);
    await exited;
    clearTimeout(watchdog);
    console.log(
      `[two-process storm ${provider}] 50 requests, ${await refreshCount(world)} refresh, ${(performance.now() - started).toFixed(0)} ms`,
    );

    expect(here.map((o) => (o.status === "fulfilled" ? o.value : String(o.reason)))).toEqual(Array(25).fill("octocat"));
    expect(there).toEqual(Array(25).fill("octocat"));
    expect(await refreshCount(world)).toBe(1);
    const refreshed = await world.inspect.connectionEvent.count({ where: { userId: user.id, type: "refreshed" } });
    expect(refreshed).toBe(1);
  }, 60_000);
});
