// Reading GitHub for the dashboard through githubFor — tokens, throttling, the shared cache — as many
// tabs of one person would: the storm right after a token expired, warm views, and GitHub failing
// with answers stored. What is asserted is what GitHub saw (calls, refreshes) and what each panel got.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectedUser,
  expireAccessToken,
  providers,
  refreshCount,
  startLifecycleWorld,
  type LifecycleWorld,
} from "../support/lifecycle";

type Lib = {
  dashboard: typeof import("@/lib/github/views/dashboard");
  staleness: typeof import("@/lib/github/api/staleness");
};

describe.each(providers)("reading the dashboard on %s", (provider) => {
  let world: LifecycleWorld;
  let lib: Lib;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider, undefined, { GITHUB_CACHE_MAX_AGE: "60" });
    lib = {
      dashboard: await import("@/lib/github/views/dashboard"),
      staleness: await import("@/lib/github/api/staleness"),
    };
  });
  afterAll(async () => world?.stop());

  /**
   * One dashboard view: its five panels side by side, each value-or-failure, stale marks included,
   * and — as the page streams them after the lists — every pull request's review state and CI.
   */
  function view(userId: string) {
    const { getProfile, getRecentRepositories, searchWork } = lib.dashboard;
    const work = async (search: Parameters<typeof searchWork>[1]) => {
      const listing = await searchWork(userId, search, { perPage: 5 });
      await Promise.all(listing.items.map((item) => item.pullDetails));
      return listing;
    };
    const panels: (() => Promise<unknown>)[] = [
      () => getProfile(userId),
      () => getRecentRepositories(userId),
      () => work({ kind: "pr", filter: "created", state: "open" }),
      () => work({ kind: "pr", filter: "review-requested", state: "open" }),
      () => work({ kind: "issue", filter: "assigned", state: "open" }),
    ];
    return Promise.all(
      panels.map((load) =>
        lib.staleness.collectStaleness(load).then(
          ({ stale }) => ({ failed: false, stale: stale !== null }),
          () => ({ failed: true, stale: false }),
        ),
      ),
    );
  }
  /** REST GETs GitHub answered (the token endpoint, also counted by the emulator, is not one). */
  const calls = async () =>
    Object.entries((await world.control.stats()).calls)
      .filter(([route]) => route.startsWith("GET "))
      .reduce((sum, [, n]) => sum + n, 0);

  it("a warm view within max-age makes no GitHub call", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await view(user.id);
    const before = await calls();
    const panels = await view(user.id);
    expect(await calls()).toBe(before);
    expect(panels.every((p) => !p.failed && !p.stale)).toBe(true);
  });

  it("storm: 50 tabs right after the token and the answers expired make one refresh, one call per answer, no failed panel", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await view(user.id);
    await expireAccessToken(world, user.id, "octocat");
    await world.inspect.gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    await world.control.latency(200);
    const before = await world.control.stats();
    const callsBefore = await calls();

    const tabs = await Promise.all(Array.from({ length: 50 }, () => view(user.id)));

    await world.control.latency(0);
    const after = await world.control.stats();
    expect(tabs.flat().filter((p) => p.failed)).toHaveLength(0);
    expect(await refreshCount(world)).toBe(1);
    // What one view asks, once for all 50 tabs: profile, recent repositories, three searches, and for
    // each of the 6 pull requests in the two pull request panels its details, reviews, check runs
    // and commit status.
    const oneView = 5 + 6 * 4;
    expect((await calls()) - callsBefore).toBe(oneView);
    expect(after.notModified - before.notModified).toBe(oneView);
    expect(after.rateLimitCharged - before.rateLimitCharged).toBe(0);
  });

  it("GitHub unavailable with a warm cache: every panel still has its data, marked stale", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await view(user.id);
    await world.inspect.gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    await world.control.addFault({ method: "GET", path: ".", status: 502 });
    const panels = await view(user.id);
    await world.control.clearFaults();
    expect(panels).toEqual(Array(5).fill({ failed: false, stale: true }));
  });

  it("GitHub unavailable with nothing stored: the panel fails on its own", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await world.control.addFault({ method: "GET", path: "^/user$", status: 502 });
    const panels = await view(user.id);
    await world.control.clearFaults();
    expect(panels.map((p) => p.failed)).toEqual([true, false, false, false, false]);
  });
});
