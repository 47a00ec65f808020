import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl, startTestEmulator, tokenFor } from "@hublink/github-emulator/testing";
import { DEMO_GITHUB_APP, demoEmulatorApps } from "@/lib/config/demo";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The loaders behind the dashboard pages, through githubFor (auth, throttling, retry, the response
// cache, typed failures) against the in-process emulator, as octocat connected with the demo GitHub App.

let emu: RunningEmulator;
let database: TestDatabase;
let lib: {
  dashboard: typeof import("@/lib/github/views/dashboard");
  repositories: typeof import("@/lib/github/views/repositories");
  work: typeof import("@/lib/github/views/repository-work");
  errors: typeof import("@/lib/github/api/errors");
  workList: typeof import("@/app/(app)/repos/[owner]/[repo]/(list)/work-list");
};
const userId = "user-octocat";

const control = () => emulatorControl(emu.url);

beforeAll(async () => {
  [emu, database] = await Promise.all([
    startTestEmulator({ apps: demoEmulatorApps("http://127.0.0.1:9") }),
    createTestDatabase("sqlite"),
  ]);
  // lib/config/env.ts reads process.env once, on first use: configure before importing anything from lib.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    GITHUB_URL: emu.url,
    AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
    SESSION_SECRET: "test-session-secret-0123456789abcdef01234567",
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  });
  lib = {
    dashboard: await import("@/lib/github/views/dashboard"),
    repositories: await import("@/lib/github/views/repositories"),
    work: await import("@/lib/github/views/repository-work"),
    errors: await import("@/lib/github/api/errors"),
    workList: await import("@/app/(app)/repos/[owner]/[repo]/(list)/work-list"),
  };
});
afterAll(async () => {
  await Promise.all([emu.stop(), database.drop()]);
});
beforeEach(async () => {
  await control().reset();
  const token = await tokenFor(emu, "octocat", { clientId: DEMO_GITHUB_APP.clientId });
  const { tokenCipher } = await import("@/lib/crypto/app-cipher");
  const db = database.connect();
  await db.user.deleteMany();
  await db.user.create({
    data: {
      id: userId,
      login: "octocat",
      githubConnection: {
        create: {
          id: "connection-1",
          githubUserId: "583231",
          login: "octocat",
          kind: "github_app",
          status: "connected",
          accessTokenCiphertext: tokenCipher().encrypt(token, { row: "connection-1", column: "accessToken" }),
        },
      },
    },
  });
  await db.gitHubResponseCache.deleteMany();
});

describe("dashboard loaders", () => {
  it("shape the profile and the work lists for the page", async () => {
    const [profile, mine, review] = await Promise.all([
      lib.dashboard.getProfile(userId),
      lib.dashboard.searchWork(userId, { kind: "pr", filter: "created", state: "open" }),
      lib.dashboard.searchWork(userId, { kind: "pr", filter: "review-requested", state: "open" }, { perPage: 2 }),
    ]);
    expect(profile).toEqual({
      login: "octocat",
      name: "The Octocat",
      avatarUrl: `${emu.url}/avatars/octocat.png`,
      htmlUrl: `${emu.url}/octocat`,
      bio: "GitHub's mascot",
      publicRepos: 2,
      followers: 20,
      following: 9,
    });
    expect(mine.total).toBe(3);
    expect(mine.items.every((item) => item.isPullRequest)).toBe(true);
    const greeting = mine.items.find((item) => item.title === "Add a greeting endpoint");
    expect(greeting).toMatchObject({
      repository: "octocat/hello-world",
      number: 3,
      author: "octocat",
      authorAvatarUrl: `${emu.url}/avatars/octocat.png`,
    });
    // Search results carry neither reviews nor CI: the list looks them up (statuses and check runs),
    // and they arrive after it.
    expect(await greeting?.pullDetails).toMatchObject({
      review: "review_requested",
      checks: expect.objectContaining({ state: "success" }),
    });
    expect(review).toMatchObject({ total: 3, page: 1, lastPage: 2, hasNext: true, hasPrevious: false });
    expect(review.items).toHaveLength(2);
    const health = await lib.dashboard.searchWork(userId, { kind: "pr", filter: "review-requested", state: "open" });
    expect((await health.items.find((item) => item.title === "Add health checks")?.pullDetails)?.checks).toEqual({
      state: "failure",
      sources: [
        { name: "test", state: "failure", via: "GitHub Actions" },
        { name: "lint", state: "success", via: "GitHub Actions" },
      ],
    });
    // Let every row's look-ups finish here, not in the next test's call counts.
    await Promise.all([...mine.items, ...review.items, ...health.items].map((item) => item.pullDetails));
  });

  it("answer a pull request list after one round trip; each pull request's review and CI come after it", async () => {
    await control().latency(150);
    const listed = await lib.dashboard.searchWork(userId, { kind: "pr", filter: "created", state: "open" });
    const callsWhenListed = (await control().stats()).calls;
    const checkRunCalls = (calls: Record<string, number>) =>
      Object.entries(calls)
        .filter(([route]) => route.includes("check-runs"))
        .reduce((sum, [, n]) => sum + n, 0);
    // The list is here while its pull requests' head commits are still being asked for.
    expect(checkRunCalls(callsWhenListed)).toBe(0);
    const details = await Promise.all(listed.items.map((item) => item.pullDetails));
    expect(details.every((d) => d && d.checks.state !== "unavailable")).toBe(true);
    expect(checkRunCalls((await control().stats()).calls)).toBe(listed.items.length);
  });

  it("revalidate a stored pull request list's review and CI together with the list, each call made once", async () => {
    const search = { kind: "pr", filter: "created", state: "open" } as const;
    const callsOf = async (route: RegExp) =>
      Object.entries((await control().stats()).calls)
        .filter(([key]) => route.test(key))
        .reduce((sum, [, n]) => sum + n, 0);
    const details = async (listing: Awaited<ReturnType<typeof lib.dashboard.searchWork>>) =>
      Promise.all(listing.items.map((item) => item.pullDetails));
    const everyCall = /^GET \/(search|repos)\//; // REST reads (the token's sign-in is web routes)
    const first = await lib.dashboard.searchWork(userId, search);
    await details(first);
    const callsWhenCold = await callsOf(everyCall);
    // A minute later: every stored answer is past its max-age and is asked again (304s).
    await database.connect().gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    await control().latency(300);
    const again = await lib.dashboard.searchWork(userId, search);
    // The head commits' CI was asked for alongside the search, not two round trips after it.
    expect(await callsOf(/check-runs/)).toBeGreaterThan(first.items.length);
    const revalidated = await details(again);
    expect(revalidated).toEqual(await details(first));
    // Nothing was asked twice: the list's own look-ups found the early ones in flight or just confirmed.
    expect((await callsOf(everyCall)) - callsWhenCold).toBe(callsWhenCold);
  });

  it("mark a pull request's review and CI shown from stored copies, while the list itself is fresh", async () => {
    const search = { kind: "pr", filter: "created", state: "open" } as const;
    const { settle } = await import("@/lib/github/views/settle");
    const first = await lib.dashboard.searchWork(userId, search);
    const fresh = await Promise.all(first.items.map((item) => item.pullDetails));
    expect(fresh.every((d) => d?.asOf === undefined)).toBe(true);
    // The search is still fresh; the pull requests' answers were marked stale (a webhook) and GitHub
    // now fails for them: each row shows its stored facts, saying as of when.
    const storedAt = (await database.connect().gitHubResponseCache.findFirstOrThrow()).updatedAt;
    await database.connect().gitHubResponseCache.updateMany({
      where: { url: { contains: "/repos/" } },
      data: { freshUntil: null },
    });
    await control().addFault({ method: "GET", path: "^/repos/", status: 502 });
    const result = await settle(() => lib.dashboard.searchWork(userId, search));
    expect(result).toMatchObject({ ok: true, stale: null });
    if (!result.ok) return;
    const details = await Promise.all(result.value.items.map((item) => item.pullDetails));
    expect(details.map((d) => d?.checks.state)).toEqual(fresh.map((d) => d?.checks.state));
    for (const d of details) expect(d?.asOf?.getTime()).toBeGreaterThanOrEqual(storedAt.getTime() - 1000);
  });

  it("say nothing is stale when only a look-up made ahead, for a pull request no longer listed, failed", async () => {
    const search = { kind: "pr", filter: "created", state: "open" } as const;
    const { settle } = await import("@/lib/github/views/settle");
    const first = await lib.dashboard.searchWork(userId, search);
    await Promise.all(first.items.map((item) => item.pullDetails));
    expect(first.items.map((i) => i.number)).toContain(3);
    // A minute later #3 is closed, and GitHub fails for it alone while it answers the (slow) search.
    await database.connect().gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    await control().updateIssue("octocat/hello-world", 3, { state: "closed" });
    await control().addFault({ method: "GET", path: "^/repos/octocat/hello-world/pulls/3$", status: 502 });
    await control().addFault({ method: "GET", path: "^/search/issues$", delayMs: 500 });
    const result = await settle(() => lib.dashboard.searchWork(userId, search));
    expect(result).toMatchObject({ ok: true, stale: null });
    if (!result.ok) return;
    expect(result.value.items.map((i) => i.number)).not.toContain(3);
    const details = await Promise.all(result.value.items.map((item) => item.pullDetails));
    expect(details.every((d) => d?.asOf === undefined)).toBe(true);
  });

  it("read every page of a pull request's reviews and check runs: the latest word and the 101st run count", async () => {
    const repository = emu.state.repo("octocat", "hello-world")!;
    const pull = emu.state.issuesOf(repository).find((i) => i.number === 6)!.pull!;
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    // GitHub lists reviews oldest first: octocat's latest word is review number 102.
    pull.reviews = [
      { id: 700000, user: "octocat", state: "APPROVED", submittedAt: at(0) },
      ...Array.from({ length: 100 }, (_, i) => ({
        id: 700001 + i,
        user: "monalisa",
        state: "COMMENTED" as const,
        submittedAt: at(i + 1),
      })),
      { id: 700200, user: "octocat", state: "CHANGES_REQUESTED", submittedAt: at(200) },
    ];
    pull.checkRuns = [
      ...Array.from({ length: 100 }, (_, i) => ({
        id: 800000 + i,
        name: `matrix-${i}`,
        state: "success" as const,
        startedAt: at(0),
      })),
      { id: 800100, name: "integration", state: "failure", startedAt: at(0) },
    ];
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const [item] = (await lib.work.listRepositoryPulls(userId, where)).items;
    expect(item).toMatchObject({ title: "Fix a typo", review: "changes_requested", checks: { state: "failure" } });
    expect(item?.checks.sources.length).toBeGreaterThanOrEqual(101);
  });

  it("read every page of a commit's statuses: a failing context after the first hundred fails the commit", async () => {
    const repository = emu.state.repo("octocat", "hello-world")!;
    const pull = emu.state.issuesOf(repository).find((i) => i.number === 6)!.pull!;
    pull.checkRuns = [];
    pull.statuses = [
      ...Array.from({ length: 100 }, (_, i) => ({
        id: 900000 + i,
        context: `ci/shard-${i}`,
        state: "success" as const,
        description: "passed",
      })),
      { id: 900100, context: "ci/integration", state: "failure", description: "failed" },
    ];
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const [item] = (await lib.work.listRepositoryPulls(userId, where)).items;
    expect(item?.checks.state).toBe("failure");
    expect(item?.checks.sources).toHaveLength(101);
  });

  it("count a review asked of a team (as CODEOWNERS asks) as a review requested", async () => {
    const repository = emu.state.repo("octocat", "hello-world")!;
    const pull = emu.state.issuesOf(repository).find((i) => i.number === 6)!.pull!;
    pull.reviews = [];
    pull.requestedReviewers = [];
    pull.requestedTeams = ["maintainers"];
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const pulls = await lib.work.listRepositoryPulls(userId, where);
    expect(pulls.items[0]).toMatchObject({ title: "Fix a typo", review: "review_requested" });
  });

  it("list a repository's issues without its pull requests, and its pull requests with reviews and CI", async () => {
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const issues = await lib.work.listRepositoryIssues(userId, where);
    expect(issues.items.map((i) => i.title)).toEqual(["Update the README"]);
    const pulls = await lib.work.listRepositoryPulls(userId, where);
    expect(pulls.items).toEqual([
      expect.objectContaining({
        title: "Fix a typo",
        head: "typo",
        base: "main",
        review: "approved",
        merged: true,
        // GitHub Actions only (no commit status): a passing and a skipped run.
        checks: {
          state: "success",
          sources: [
            { name: "build", state: "success", via: "GitHub Actions" },
            { name: "lint", state: "success", via: "GitHub Actions" },
          ],
        },
      }),
    ]);
    const open = await lib.work.listRepositoryPulls(userId, { ...where, state: "open" });
    expect(open.items.find((p) => p.title === "WIP: dark mode")).toMatchObject({
      draft: true,
      checks: { state: "pending", sources: [{ name: "ci/build", state: "pending", via: "commit status" }] },
      review: "review_requested",
    });
  });

  it("keep why an issue was closed: a duplicate stays a duplicate, not completed", async () => {
    const repository = emu.state.repo("octocat", "hello-world")!;
    const open = emu.state.issuesOf(repository).find((i) => !i.pull && i.state === "open")!;
    await control().updateIssue("octocat/hello-world", open.number, { state: "closed", state_reason: "duplicate" });
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const closed = await lib.work.listRepositoryIssues(userId, where);
    expect(closed.items.map((i) => [i.title, i.stateReason])).toEqual(
      expect.arrayContaining([
        [open.title, "duplicate"],
        ["Update the README", "completed"],
      ]),
    );
  });

  it("show a page of a repository's issues that held only pull requests as a page, with the way on", async () => {
    // GitHub's issues endpoint lists pull requests too, newest first: 30 new issues fill page 1, 30
    // pull requests page 2, and the older issues follow on page 3.
    const repository = emu.state.repo("octocat", "hello-world")!;
    const items = emu.state.issuesOf(repository);
    const pull = items.find((i) => i.pull && i.state === "open")!;
    const issue = items.find((i) => !i.pull && i.state === "open")!;
    const minutesBefore = (minutes: number) =>
      new Date(Date.UTC(2031, 0, 1) - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    for (let i = 0; i < 60; i++) {
      const at = minutesBefore(i);
      const number = 1000 + i;
      items.push(
        i < 30
          ? { ...issue, id: emu.state.nextId(), number, title: `New issue ${i}`, createdAt: at, updatedAt: at }
          : {
              ...pull,
              id: emu.state.nextId(),
              number,
              title: `New pull request ${i}`,
              createdAt: at,
              updatedAt: at,
              pull: { ...pull.pull!, id: emu.state.nextId() },
            },
      );
    }
    const where = { owner: "octocat", repo: "hello-world", state: "open" as const };
    const render = (listing: Awaited<ReturnType<typeof lib.work.listRepositoryIssues>>) =>
      renderToStaticMarkup(
        createElement(lib.workList.WorkListPanel, {
          state: "open",
          shown: { tab: "issues", result: { ok: true, value: listing } },
          pagination: { baseHref: "/repos/octocat/hello-world", query: {} },
        }),
      );
    const [second, third] = await Promise.all([
      lib.work.listRepositoryIssues(userId, { ...where, page: 2 }),
      lib.work.listRepositoryIssues(userId, { ...where, page: 3 }),
    ]);
    expect(second.items).toEqual([]);
    expect(third.items.map((i) => i.title)).toContain(issue.title);
    const page = render(second);
    expect(page).not.toContain("There is no page 2");
    expect(page).toContain("No issues on this page, only pull requests.");
    expect(page).toContain('href="/repos/octocat/hello-world?page=3"');
  });

  it("sort, filter and count every repository the connection sees", async () => {
    const all = await lib.repositories.listRepositories(userId, {
      sort: "stars",
      owner: null,
      visibility: "all",
      text: "",
      page: 1,
    });
    expect(all.total).toBe(3);
    expect(all.items.map((r) => r.stars)).toEqual([...all.items.map((r) => r.stars)].sort((a, b) => b - a));
    const found = await lib.repositories.listRepositories(userId, {
      sort: "name",
      owner: "octocat",
      visibility: "private",
      text: "secret",
      page: 1,
    });
    expect(found.items.map((r) => r.fullName)).toEqual(["octocat/secret-plans"]);
  });

  it("return null for a repository the connection cannot see", async () => {
    expect(await lib.repositories.getRepository(userId, "hubot", "private-notes")).toBeNull();
    expect(await lib.repositories.getRepository(userId, "octocat", "secret-plans")).toMatchObject({
      isPrivate: true,
      defaultBranch: "main",
    });
  });

  it("turn GitHub's 5xx into GitHubUnavailableError, after one retry", async () => {
    await control().addFault({ method: "GET", path: "^/user$", status: 503 });
    const failure = await lib.dashboard.getProfile(userId).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(lib.errors.GitHubUnavailableError);
    expect(failure).toMatchObject({ reason: "server_error" });
    const stats = await control().stats();
    expect(stats.calls["GET /user"]).toBe(2);
    await control().clearFaults();
  });

  it("report a missing connection as GitHubConnectionError, untouched", async () => {
    const failure = await lib.dashboard.getProfile("nobody").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(lib.errors.GitHubConnectionError);
  });
});

// What real GitHub, older GitHub Enterprise Server versions and GitHub-compatible servers may send:
// the page degrades, item by item and panel by panel, and never claims what did not happen.
describe("a GitHub that answers differently", () => {
  const item = (overrides: Record<string, unknown>) => ({
    id: 9001,
    number: 1,
    title: "A fine issue",
    html_url: "https://github.example/octocat/hello-world/issues/1",
    repository_url: `${emu.apiUrl}/repos/octocat/hello-world`,
    user: { login: "octocat" },
    state: "open",
    labels: [],
    comments: 0,
    created_at: "2026-11-01T10:00:00Z",
    ...overrides,
  });

  it("skip and count a search result without repository_url, and show the rest", async () => {
    const broken = item({ id: 9002, title: "No repository" });
    delete (broken as Record<string, unknown>).repository_url;
    await control().addFault({
      method: "GET",
      path: "^/api/v3/search/issues$",
      status: 200,
      body: { total_count: 2, incomplete_results: false, items: [item({}), broken] },
      times: 1,
    });
    const listing = await lib.dashboard.searchWork(userId, { kind: "issue", filter: "assigned", state: "open" });
    expect(listing.items.map((i) => i.title)).toEqual(["A fine issue"]);
    expect(listing.skipped).toBe(1);
  });

  it("answer a search page past GitHub's first 1,000 results as an empty page, without asking GitHub", async () => {
    // What github.com answers for such a page (the emulator would serve an empty page instead).
    await control().addFault({ method: "GET", path: "^/search/issues$", status: 422 });
    const search = { kind: "pr", filter: "created", state: "open" } as const;
    const beyond = await lib.dashboard.searchWork(userId, search, { page: 41 }); // results 1,001–1,025
    expect(beyond).toMatchObject({ items: [], page: 41, lastPage: 40, hasNext: false });
    expect(Object.keys((await control().stats()).calls).filter((route) => route.includes("search"))).toEqual([]);
    // The last page inside the window is still asked for (and here refused, in its panel).
    await expect(lib.dashboard.searchWork(userId, search, { page: 40 })).rejects.toBeTruthy();
  });

  it("keep a search GitHub refuses (422) in its panel", async () => {
    await control().addFault({ method: "GET", path: "^/api/v3/search/issues$", status: 422, times: 1 });
    const { settle } = await import("@/lib/github/views/settle");
    const result = await settle(lib.dashboard.searchWork(userId, { kind: "pr", filter: "created", state: "open" }));
    expect(result).toMatchObject({ ok: false, problem: { reason: "refused" } });
  });

  it.each([403, 404, 500])(
    "show a pull request's CI as unavailable when its status look-up answers %i",
    async (status) => {
      await control().addFault({
        method: "GET",
        path: "^/api/v3/repos/octocat/hello-world/commits/[^/]+/status$",
        status,
      });
      try {
        const pulls = await lib.work.listRepositoryPulls(userId, {
          owner: "octocat",
          repo: "hello-world",
          state: "closed",
          page: 1,
        });
        expect(pulls.items).toEqual([
          expect.objectContaining({
            title: "Fix a typo",
            review: "approved",
            checks: { state: "unavailable", sources: [] },
          }),
        ]);
      } finally {
        await control().clearFaults();
      }
    },
  );

  it("read a Link header whose URLs are relative, as RFC 8288 allows, instead of failing the page", async () => {
    const issue = item({ repository_url: `${emu.apiUrl}/repos/octocat/hello-world` });
    await control().addFault({
      method: "GET",
      path: "^/api/v3/repos/octocat/hello-world/issues$",
      status: 200,
      body: [issue],
      headers: {
        link: '</api/v3/repos/octocat/hello-world/issues?state=open&per_page=30&page=2>; rel="next", </api/v3/repos/octocat/hello-world/issues?state=open&per_page=30&page=3>; rel="last"',
      },
      times: 1,
    });
    const where = { owner: "octocat", repo: "hello-world", state: "open" as const, page: 1 };
    const issues = await lib.work.listRepositoryIssues(userId, where);
    expect(issues).toMatchObject({ page: 1, lastPage: 3, hasNext: true, hasPrevious: false });
    expect(issues.items.map((i) => i.title)).toEqual(["A fine issue"]);
  });

  it("show the stored copy when GitHub answers 429, whatever its body says and with Retry-After as a date", async () => {
    const { settle } = await import("@/lib/github/views/settle");
    const before = await lib.dashboard.getRecentRepositories(userId);
    await database.connect().gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    // A front proxy's limit: an HTML page and Retry-After as an HTTP date (RFC 9110 allows both forms).
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    await control().addFault({
      method: "GET",
      path: "^/api/v3/user/repos$",
      status: 429,
      body: "<html><body><h1>429 Too Many Requests</h1></body></html>",
      headers: { "content-type": "text/html", "retry-after": retryAt.toUTCString() },
      times: 1,
    });
    const result = await settle(() => lib.dashboard.getRecentRepositories(userId));
    expect(result).toMatchObject({ ok: true, value: before, stale: { problem: { reason: "rate_limited", retryAt } } });
  });

  it("read every page of a commit's statuses from a server that serves fewer per page than asked", async () => {
    // Gitea and Forgejo serve 30 a page, whatever per_page asks; total_count still counts them all.
    const status = (context: string, state: string) => ({ context, state, description: null });
    const path = "^/api/v3/repos/octocat/hello-world/commits/[^/]+/status$";
    const shards = Array.from({ length: 30 }, (_, i) => status(`ci/shard-${i}`, "success"));
    await control().addFault({
      method: "GET",
      path,
      status: 200,
      body: { state: "failure", total_count: 31, statuses: shards },
      times: 1,
    });
    await control().addFault({
      method: "GET",
      path,
      status: 200,
      body: { state: "failure", total_count: 31, statuses: [status("ci/integration", "failure")] },
      times: 1,
    });
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const [pull] = (await lib.work.listRepositoryPulls(userId, where)).items;
    expect(pull?.checks.state).toBe("failure");
    expect(pull?.checks.sources).toContainEqual({ name: "ci/integration", state: "failure", via: "commit status" });
  });

  it("show a pull request whose check run GitHub marked stale as passing, not pending forever", async () => {
    // GitHub concludes "stale" a run it considers outdated; the emulator's seed never does.
    const run = (name: string, conclusion: string) => ({
      id: name.length,
      name,
      status: "completed",
      conclusion,
      app: { name: "GitHub Actions" },
    });
    await control().addFault({
      method: "GET",
      path: "^/api/v3/repos/octocat/hello-world/commits/[^/]+/check-runs$",
      status: 200,
      body: { total_count: 2, check_runs: [run("build", "success"), run("deploy-preview", "stale")] },
      times: 1,
    });
    const where = { owner: "octocat", repo: "hello-world", state: "closed" as const, page: 1 };
    const [pull] = (await lib.work.listRepositoryPulls(userId, where)).items;
    expect(pull?.checks).toEqual({
      state: "success",
      sources: [
        { name: "build", state: "success", via: "GitHub Actions" },
        { name: "deploy-preview", state: "success", via: "GitHub Actions" },
      ],
    });
  });

  it("show as many recent repositories as asked from a server that serves 30 whatever per_page says", async () => {
    // Gitea and Forgejo serve their own page size, not per_page.
    const repository = (i: number) => ({
      full_name: `octocat/project-${i}`,
      name: `project-${i}`,
      owner: { login: "octocat" },
      html_url: `https://git.example/octocat/project-${i}`,
      private: false,
    });
    await control().addFault({
      method: "GET",
      path: "^/api/v3/user/repos$",
      status: 200,
      body: Array.from({ length: 30 }, (_, i) => repository(i)),
      times: 1,
    });
    const recent = await lib.dashboard.getRecentRepositories(userId, 6);
    expect(recent.map((r) => r.name)).toEqual([
      "project-0",
      "project-1",
      "project-2",
      "project-3",
      "project-4",
      "project-5",
    ]);
  });

  it("treat a 403 for a repository like a 404: not found", async () => {
    await control().addFault({ method: "GET", path: "^/api/v3/repos/hubot/private-notes$", status: 403, times: 1 });
    await expect(lib.repositories.getRepository(userId, "hubot", "private-notes")).resolves.toBeNull();
  });
});
