// The per-person limit of ten GitHub requests in flight, for tokens not stored yet (installation
// setup checks a token GitHub just issued before saving it): each token is its own person, so one
// person's slow setup never queues anyone else's. Against the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

describe.each(providers)("requests with an unsaved token on %s", (provider) => {
  let world: LifecycleWorld;
  let githubWithToken: typeof import("@/lib/github/client").githubWithToken;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    ({ githubWithToken } = await import("@/lib/github/client"));
  });
  afterAll(async () => world?.stop());

  /** People (throttle ids) with requests in flight or waiting, process-wide (lib/github/client.ts). */
  const peopleInFlight = () => {
    const processWide = globalThis as unknown as Record<symbol, { active(): number } | undefined>;
    return processWide[Symbol.for("hublink.github.readsPerPerson")]!.active();
  };
  const calls = async (route: string) => (await world.control.stats()).calls[route] ?? 0;

  it("ten slow requests of one person's setup do not hold up another person's", async () => {
    await world.control.reset();
    const [octocat, hubot] = [await world.control.issueToken("octocat"), await world.control.issueToken("hubot")];
    await world.control.addFault({ method: "GET", path: "^/user/installations$", delayMs: 1500 });

    let slowSettled = 0;
    const slow = githubWithToken(octocat.access_token);
    const slowOnes = Array.from({ length: 10 }, () =>
      slow.request("GET /user/installations").finally(() => slowSettled++),
    );
    while ((await calls("GET /user/installations")) < 10) await new Promise((resolve) => setTimeout(resolve, 10));

    const { data } = await githubWithToken(hubot.access_token).request("GET /user");
    expect(data.login).toBe("hubot");
    expect(slowSettled).toBe(0); // answered while all ten of octocat's were still with GitHub

    await Promise.all(slowOnes);
    await world.control.clearFaults();
    expect(peopleInFlight()).toBe(0); // each token's place in the limit is released once idle
  });
});
