// GitHub's rate limits as a person's requests meet them: a limit that resets within seconds is
// waited out and asked once more; a longer one fails at once with when it resets, and is never
// taken for revocation. Against the GitHub emulator and a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectedUser, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

describe("rate limits", () => {
  let world: LifecycleWorld;
  let githubFor: typeof import("@/lib/github/client").githubFor;

  beforeAll(async () => {
    world = await startLifecycleWorld("sqlite");
    ({ githubFor } = await import("@/lib/github/client"));
  });
  afterAll(async () => world?.stop());

  const userCalls = async () => (await world.control.stats()).calls["GET /user"] ?? 0;
  // GitHub's primary limit says when it resets (epoch seconds); plugin-throttling decides from that.
  const limited = (resetsInSeconds: number) => ({
    method: "GET",
    path: "^/user$",
    status: 403,
    body: { message: "API rate limit exceeded" },
    headers: {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + resetsInSeconds),
    },
    times: 1,
  });

  it("a limit that resets within seconds is waited out and the request answered", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await world.control.addFault(limited(1));
    const { data } = await githubFor(user.id).rest.users.getAuthenticated();
    expect(data.login).toBe("octocat");
    expect(await userCalls()).toBe(2);
  });

  it("a longer one fails at once, saying it is a rate limit; the connection stays", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "hubot");
    await world.control.addFault(limited(60));
    await expect(githubFor(user.id).rest.users.getAuthenticated()).rejects.toMatchObject({ reason: "rate_limited" });
    expect(await userCalls()).toBe(1);
    expect(await world.inspect.gitHubConnection.findUnique({ where: { userId: user.id } })).toMatchObject({
      status: "connected",
    });
  });
});
