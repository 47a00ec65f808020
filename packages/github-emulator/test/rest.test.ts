import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultApps, SEEDED_INSTALLATION_ID, type RunningEmulator } from "../src/index";
import { assertMatchesSchema } from "./openapi-schemas";
import { emulatorControl, startTestEmulator, tokenFor } from "../src/testing";
import { octokitFor } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emulatorControl(emu.url).reset();
});

async function get(token: string | undefined, path: string, headers: Record<string, string> = {}) {
  return fetch(`${emu.apiUrl}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

describe("responses match GitHub's OpenAPI schemas", () => {
  it("users, emails and repositories", async () => {
    const token = await tokenFor(emu, "octocat", { scope: "repo read:org user:email" });
    const gh = octokitFor(emu, token);
    assertMatchesSchema("get", "/user", (await gh.rest.users.getAuthenticated()).data);
    assertMatchesSchema("get", "/users/{username}", (await gh.rest.users.getByUsername({ username: "hubot" })).data);
    assertMatchesSchema(
      "get",
      "/users/{username}",
      (await octokitFor(emu).rest.users.getByUsername({ username: "octo-org" })).data,
    );
    const emails = (await gh.rest.users.listEmailsForAuthenticatedUser()).data;
    assertMatchesSchema("get", "/user/emails", emails);
    expect(emails.find((e) => e.primary)).toMatchObject({ email: "octocat@github.com", verified: true });
    const repos = (await gh.rest.repos.listForAuthenticatedUser({ per_page: 100 })).data;
    assertMatchesSchema("get", "/user/repos", repos);
    expect(repos.map((r) => r.full_name)).toEqual(
      expect.arrayContaining(["octocat/secret-plans", "octo-org/octo-infra", "monalisa/smile"]),
    );
    assertMatchesSchema(
      "get",
      "/repos/{owner}/{repo}",
      (await gh.rest.repos.get({ owner: "octo-org", repo: "octo-app" })).data,
    );
  });

  it("issues, pulls, reviews, combined status and search", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "octocat"));
    const issues = (await gh.rest.issues.listForRepo({ owner: "octocat", repo: "hello-world", state: "all" })).data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/issues", issues);
    expect(issues.filter((i) => i.pull_request)).toHaveLength(3);
    const pulls = (await gh.rest.pulls.list({ owner: "octocat", repo: "hello-world", state: "all" })).data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/pulls", pulls);
    const draft = pulls.find((p) => p.draft);
    expect(draft?.requested_reviewers?.map((u) => u.login)).toEqual(["octocat"]);
    assertMatchesSchema(
      "get",
      "/repos/{owner}/{repo}/pulls/{pull_number}",
      (await gh.rest.pulls.get({ owner: "octocat", repo: "hello-world", pull_number: 6 })).data,
    );
    assertMatchesSchema(
      "get",
      "/repos/{owner}/{repo}/issues/{issue_number}",
      (await gh.rest.issues.get({ owner: "octocat", repo: "hello-world", issue_number: 1 })).data,
    );
    const reviews = (await gh.rest.pulls.listReviews({ owner: "octocat", repo: "hello-world", pull_number: 3 })).data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", reviews);
    expect(reviews.map((r) => r.state)).toEqual(["COMMENTED"]);
    const pr3 = pulls.find((p) => p.number === 3);
    const status = (
      await gh.rest.repos.getCombinedStatusForRef({ owner: "octocat", repo: "hello-world", ref: pr3?.head.sha ?? "" })
    ).data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/commits/{ref}/status", status);
    expect([status.state, status.total_count]).toEqual(["success", 1]);
    const byBranch = (
      await gh.rest.repos.getCombinedStatusForRef({ owner: "octocat", repo: "secret-plans", ref: "secret-feature" })
    ).data;
    expect(byBranch.state).toBe("failure");
    const search = (await gh.rest.search.issuesAndPullRequests({ q: "is:pr author:octocat" })).data;
    assertMatchesSchema("get", "/search/issues", search);
  });

  it("installations, rate limit and token check", async () => {
    const appToken = await tokenFor(emu, "octocat", { clientId: emu.apps.githubApp.clientId });
    const gh = octokitFor(emu, appToken);
    const inst = (await gh.rest.apps.listInstallationsForAuthenticatedUser()).data;
    assertMatchesSchema("get", "/user/installations", inst);
    expect(inst.installations.map((i) => [i.id, i.account && "login" in i.account ? i.account.login : null])).toEqual([
      [SEEDED_INSTALLATION_ID, "octocat"],
    ]);
    const repos = (
      await gh.rest.apps.listInstallationReposForAuthenticatedUser({ installation_id: SEEDED_INSTALLATION_ID })
    ).data;
    assertMatchesSchema("get", "/user/installations/{installation_id}/repositories", repos);
    expect(repos.total_count).toBe(3);
    assertMatchesSchema("get", "/rate_limit", (await gh.rest.rateLimit.get()).data);
    const app = emu.state.apps.githubApp;
    const check = await fetch(`${emu.apiUrl}/applications/${app.clientId}/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}` },
      body: JSON.stringify({ access_token: appToken }),
    });
    assertMatchesSchema("post", "/applications/{client_id}/token", await check.json());
  });
});

describe("the schema check itself", () => {
  it("fails on a body that is not GitHub's shape", () => {
    expect(() => assertMatchesSchema("get", "/user", { login: "octocat" })).toThrow(/does not match/);
    expect(() => assertMatchesSchema("get", "/search/issues", { total_count: 0, items: [] })).toThrow(
      /incomplete_results/,
    );
  });
});

describe("visibility", () => {
  it("hides private repositories from OAuth tokens without `repo` and from strangers (404)", async () => {
    const noRepo = await tokenFor(emu, "octocat", { scope: "read:user" });
    expect((await get(noRepo, "/repos/octocat/secret-plans")).status).toBe(404);
    const list = (await (await get(noRepo, "/user/repos?per_page=100")).json()) as { private: boolean }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => !r.private)).toBe(true);
    const hubot = await tokenFor(emu, "hubot");
    expect((await get(hubot, "/repos/octocat/secret-plans")).status).toBe(404);
    expect((await get(hubot, "/repos/octo-org/octo-infra")).status).toBe(200);
    expect((await get(undefined, "/repos/octocat/hello-world")).status).toBe(200);
  });

  it("gives a GitHub App user token the intersection of the user's access and the app's installations", async () => {
    const octocat = await tokenFor(emu, "octocat", { clientId: emu.apps.githubApp.clientId });
    const names = ((await (await get(octocat, "/user/repos?per_page=100")).json()) as { full_name: string }[]).map(
      (r) => r.full_name,
    );
    expect(names.sort()).toEqual(["octocat/hello-world", "octocat/secret-plans", "octocat/spoon-knife"]);
    expect((await get(octocat, "/repos/octo-org/octo-infra")).status).toBe(404);
    const hubot = await tokenFor(emu, "hubot", { clientId: emu.apps.githubApp.clientId });
    expect(await (await get(hubot, "/user/repos")).json()).toEqual([]);
    expect(((await (await get(hubot, "/user/installations")).json()) as { total_count: number }).total_count).toBe(0);
  });
});

describe("/user/repos parameters", () => {
  it("rejects type with visibility or affiliation (422), sorts and pages", async () => {
    const token = await tokenFor(emu, "octocat");
    expect((await get(token, "/user/repos?type=owner&visibility=all")).status).toBe(422);
    expect((await get(token, "/user/repos?type=owner&affiliation=owner")).status).toBe(422);
    const owned = (await (await get(token, "/user/repos?affiliation=owner&visibility=private")).json()) as {
      full_name: string;
    }[];
    expect(owned.map((r) => r.full_name)).toEqual(["octocat/secret-plans"]);
    const sorted = (await (await get(token, "/user/repos?sort=full_name&direction=desc")).json()) as {
      full_name: string;
    }[];
    expect(sorted.map((r) => r.full_name)).toEqual([...sorted.map((r) => r.full_name)].sort().reverse());
    const big = await tokenFor(emu, "bigcat");
    expect(((await (await get(big, "/user/repos")).json()) as unknown[]).length).toBe(30);
    expect(((await (await get(big, "/user/repos?per_page=500")).json()) as unknown[]).length).toBe(100);
  });
});

describe("issues and pulls parameters", () => {
  it("filters issues by state, labels and assignee, and pulls by head and base", async () => {
    const token = await tokenFor(emu, "octocat");
    const open = (await (await get(token, "/repos/octocat/hello-world/issues")).json()) as { state: string }[];
    expect(open.every((i) => i.state === "open")).toBe(true);
    const bugs = (await (await get(token, "/repos/octocat/hello-world/issues?labels=bug&state=all")).json()) as {
      number: number;
    }[];
    expect(bugs.map((i) => i.number)).toEqual([1]);
    const mine = (await (await get(token, "/repos/octocat/hello-world/issues?assignee=octocat")).json()) as {
      number: number;
    }[];
    expect(mine.map((i) => i.number).sort()).toEqual([1, 5]);
    const head = (await (await get(token, "/repos/hubot/hubot-scripts/pulls?head=octocat:deploy")).json()) as {
      number: number;
    }[];
    expect(head.map((p) => p.number)).toEqual([1]);
    expect(await (await get(token, "/repos/octocat/hello-world/pulls?base=develop")).json()).toEqual([]);
  });
});

describe("search", () => {
  it("finds octocat's pull requests, review requests and assigned issues", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "octocat"));
    const count = async (q: string) => (await gh.rest.search.issuesAndPullRequests({ q })).data.total_count;
    expect(await count("is:pr author:octocat")).toBeGreaterThan(0);
    expect(await count("is:pr review-requested:octocat is:open")).toBeGreaterThan(0);
    expect(await count("assignee:octocat is:issue")).toBeGreaterThan(0);
    expect(await count("is:issue involves:octocat state:closed")).toBeGreaterThan(0);
    expect(await count("repo:octocat/hello-world is:pr greeting")).toBe(1);
    expect(await count("org:octo-org is:issue")).toBe(2);
    const items = (await gh.rest.search.issuesAndPullRequests({ q: "is:pr author:octocat" })).data.items;
    expect(items.every((i) => i.pull_request && i.user?.login === "octocat")).toBe(true);
  });

  it("answers 422 to a GitHub App token without is:issue or is:pr", async () => {
    const res = await get(
      await tokenFor(emu, "octocat", { clientId: emu.apps.githubApp.clientId }),
      "/search/issues?q=author:octocat",
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toBe(
      "Query must include 'is:issue' or 'is:pull-request'",
    );
  });

  it("has its own rate limit of 30 per minute, then 403 with retry-after", async () => {
    const token = await tokenFor(emu, "octocat");
    let last: Response | undefined;
    for (let i = 0; i < 30; i++) last = await get(token, `/search/issues?q=is:pr+${i}`);
    expect(last?.headers.get("x-ratelimit-resource")).toBe("search");
    expect([last?.headers.get("x-ratelimit-limit"), last?.headers.get("x-ratelimit-remaining")]).toEqual(["30", "0"]);
    const over = await get(token, "/search/issues?q=is:pr");
    expect(over.status).toBe(403);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get(token, "/user")).headers.get("x-ratelimit-resource")).toBe("core");
  });
});

describe("headers", () => {
  it("sends rate-limit, cache and scope headers; the remaining count decreases per token", async () => {
    const token = await tokenFor(emu, "octocat");
    const a = await get(token, "/user");
    const b = await get(token, "/user/repos");
    expect(a.headers.get("cache-control")).toBe("private, max-age=60, s-maxage=60");
    expect([a.headers.get("x-ratelimit-limit"), a.headers.get("x-ratelimit-used")]).toEqual(["5000", "1"]);
    expect(Number(b.headers.get("x-ratelimit-remaining"))).toBe(Number(a.headers.get("x-ratelimit-remaining")) - 1);
    expect(Number(a.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(a.headers.get("x-oauth-scopes")).toBe("read:org, repo");
    expect((await get(token, "/repos/octocat/hello-world")).headers.get("x-accepted-oauth-scopes")).toBe("repo");
    const appRes = await get(await tokenFor(emu, "octocat", { clientId: emu.apps.githubApp.clientId }), "/user");
    expect(appRes.headers.get("x-oauth-scopes")).toBeNull();
  });

  it("answers If-None-Match with 304, no body, and no rate-limit charge", async () => {
    const token = await tokenFor(emu, "octocat");
    const first = await get(token, "/user");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const second = await get(token, "/user", { "if-none-match": etag });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("x-ratelimit-used")).toBe(first.headers.get("x-ratelimit-used"));
    const stats = await emulatorControl(emu.url).stats();
    expect([stats.notModified, stats.rateLimitCharged]).toEqual([1, 1]);
  });

  it("answers bad and missing credentials with 401", async () => {
    const bad = await get("gho_nope", "/user");
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
    expect((await get(undefined, "/user")).status).toBe(401);
  });

  it("writes Link headers like GitHub on first, middle and last pages", async () => {
    const token = await tokenFor(emu, "bigcat");
    const link = async (page: number) =>
      (await get(token, `/user/repos?per_page=100&page=${page}`)).headers.get("link") ?? "";
    const rels = (l: string) => [...l.matchAll(/rel="(\w+)"/g)].map((m) => m[1]);
    const url = (page: number) => `<${emu.apiUrl}/user/repos?per_page=100&page=${page}>`;
    expect(await link(1)).toBe(`${url(2)}; rel="next", ${url(3)}; rel="last"`);
    expect(rels(await link(2))).toEqual(["prev", "next", "last", "first"]);
    expect(await link(3)).toBe(`${url(2)}; rel="prev", ${url(1)}; rel="first"`);
    expect((await get(token, "/user/repos?per_page=100&page=3")).ok).toBe(true);
    const octocat = await tokenFor(emu, "octocat");
    expect((await get(octocat, "/user/repos")).headers.get("link")).toBeNull();
  });
});

describe("bigcat", () => {
  it("walks every repository and 1,000+ issues with octokit.paginate", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "bigcat"));
    const repos = await gh.paginate(gh.rest.repos.listForAuthenticatedUser, { per_page: 100 });
    expect(repos.length).toBe(261);
    expect(new Set(repos.map((r) => r.id)).size).toBe(261);
    const issues = await gh.paginate(gh.rest.issues.listForRepo, {
      owner: "bigcat",
      repo: "big-repo",
      state: "all",
      per_page: 100,
    });
    expect(issues.length).toBe(1200);
  });
});

describe("GitHub App permissions on private repositories", () => {
  const statusOfSecretPlans = (emulator: RunningEmulator, token: string) =>
    fetch(`${emulator.apiUrl}/repos/octocat/secret-plans/commits/main/status`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it("answer 403 'Resource not accessible by integration' to an App without 'Commit statuses: read'", async () => {
    const token = await tokenFor(emu, "octocat", { clientId: emu.apps.githubApp.clientId });
    const response = await statusOfSecretPlans(emu, token);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ message: "Resource not accessible by integration" });
    // Public repositories need no permission; OAuth-app tokens are limited by scopes instead.
    expect((await get(token, "/repos/octocat/hello-world/commits/main/status")).status).toBe(200);
    expect((await statusOfSecretPlans(emu, await tokenFor(emu, "octocat"))).status).toBe(200);
  });

  it("let an App with 'Commit statuses: read' read them", async () => {
    const githubApp = { ...defaultApps().githubApp, permissions: { metadata: "read", statuses: "read" } } as const;
    const withStatuses = await startTestEmulator({ apps: { githubApp } });
    try {
      const token = await tokenFor(withStatuses, "octocat", { clientId: githubApp.clientId });
      expect((await statusOfSecretPlans(withStatuses, token)).status).toBe(200);
    } finally {
      await withStatuses.stop();
    }
  });
});
