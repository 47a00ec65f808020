import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl, startTestEmulator, tokenFor } from "@hublink/github-emulator/testing";
import { DEMO_CONNECT_APP, DEMO_GITHUB_APP, demoEmulatorApps } from "@/lib/config/demo";
import type { Database } from "@/lib/db/create-client";
import { rawTable } from "@/lib/db/raw-table";
import { rowReader, type ReadRows } from "@/lib/db/read-rows";
import { GitHubUnavailableError } from "@/lib/github/api/errors";
import { addResponseCache, maxAgeOf, readsInFlight } from "@/lib/github/api/response-cache";
import { databaseResponseCache, forgetAnswers, markRepositoryAnswersStale } from "@/lib/github/api/response-store";
import { collectStaleness } from "@/lib/github/api/staleness";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The shared response cache (freshness, conditional requests, coalescing, stale-if-error) against the
// emulator's real ETags and Cache-Control and a migrated database: SQLite, and PostgreSQL too when
// TEST_POSTGRES_URL names one (the store every app instance shares).

const provider = process.env.TEST_POSTGRES_URL ? "postgresql" : "sqlite";

let emu: RunningEmulator;
let database: TestDatabase;
let db: Database;
let token: string;

beforeAll(async () => {
  [emu, database] = await Promise.all([
    startTestEmulator({ apps: demoEmulatorApps("http://127.0.0.1:9") }),
    createTestDatabase(provider),
  ]);
  db = database.connect();
  // Cached answers belong to a person (and go with them).
  await db.user.createMany({ data: [{ id: "person-1" }, { id: "person-2" }] });
  // … and are kept only while the person is connected.
  await db.gitHubConnection.createMany({
    data: ["person-1", "person-2"].map((userId, index) => ({
      userId,
      githubUserId: String(index + 1),
      login: userId,
      kind: "oauth_app",
      status: "connected",
    })),
  });
});
afterAll(async () => {
  await Promise.all([emu.stop(), database.drop()]);
});
beforeEach(async () => {
  clock = Date.now();
  await emulatorControl(emu.url).reset();
  await db.gitHubResponseCache.deleteMany();
  await db.gitHubConnection.updateMany({ data: { status: "connected" } });
  token = await tokenFor(emu, "octocat", { clientId: DEMO_CONNECT_APP.clientId, scope: "repo read:org" });
});

/** A test clock: freshness is decided by it, so "a minute later" needs no waiting. */
let clock = Date.now();

/** maxAgeSeconds 0 = the cache only revalidates (every call asks GitHub, 304 when unchanged). */
function clientFor(
  userId: string,
  maxAgeSeconds = 0,
  store: { read: ReadRows; write: Pick<Database, "$executeRaw"> } = { read: rowReader(database.url), write: db },
  /** Runs as GitHub's answer (or its 304) travels back, before the cache stores it. */
  afterAnswer?: () => Promise<void>,
) {
  const octokit = new Octokit({
    auth: token,
    baseUrl: emu.apiUrl,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  if (afterAnswer) {
    octokit.hook.wrap("request", async (request, options) => {
      try {
        return await request(options);
      } finally {
        await afterAnswer();
      }
    });
  }
  // What githubFor's inner hook does: GitHub's failures become GitHubUnavailableError.
  octokit.hook.error("request", (error) => {
    const status = (error as { status?: number }).status ?? 0;
    throw status >= 500 ? new GitHubUnavailableError("server_error") : error;
  });
  addResponseCache(octokit, databaseResponseCache(userId, { ...store, databaseUrl: database.url }), {
    owner: userId,
    maxAgeSeconds,
    now: () => clock,
  });
  return octokit;
}

/** The store of the test database, counting its reads and writes. */
function countedStore() {
  const queries = { reads: 0, writes: 0 };
  const read = rowReader(database.url);
  const counted = {
    read: ((query) => (queries.reads++, read(query))) as ReadRows,
    write: {
      $executeRaw: ((...args: Parameters<typeof db.$executeRaw>) => (
        queries.writes++,
        db.$executeRaw(...args)
      )) as typeof db.$executeRaw,
    },
  };
  return { queries, counted };
}

const totalCalls = async () => Object.values((await stats()).calls).reduce((sum, n) => sum + n, 0);

const stats = () => emulatorControl(emu.url).stats();

describe(`conditional requests (${provider})`, () => {
  it("answers a repeated GET from the stored body after GitHub's 304, free of rate limit", async () => {
    const first = await clientFor("person-1").rest.users.getAuthenticated();
    const before = await stats();
    const second = await clientFor("person-1").rest.users.getAuthenticated();
    const after = await stats();

    expect(second.data).toEqual(first.data);
    expect(after.notModified - before.notModified).toBe(1);
    expect(after.rateLimitCharged - before.rateLimitCharged).toBe(0);
    const rows = await db.gitHubResponseCache.findMany();
    expect(rows).toEqual([
      expect.objectContaining({ userId: "person-1", url: `${emu.apiUrl}/user`, etag: first.headers.etag }),
    ]);
  });

  it("keeps pagination: the Link header of a 304 comes from the stored answer", async () => {
    const list = (octokit: Octokit) => octokit.rest.repos.listForAuthenticatedUser({ per_page: 2, page: 1 });
    const first = await list(clientFor("person-1"));
    expect(first.headers.link).toContain('rel="next"');
    const second = await list(clientFor("person-1"));
    expect(second.headers.link).toBe(first.headers.link);
    expect(second.data.map((r) => r.full_name)).toEqual(first.data.map((r) => r.full_name));
    // Each page is its own URL in the store.
    await clientFor("person-1").rest.repos.listForAuthenticatedUser({ per_page: 2, page: 2 });
    expect(await db.gitHubResponseCache.count()).toBe(2);
  });

  it("stores per person: someone else's answer is never sent as an ETag for another", async () => {
    await clientFor("person-1").rest.users.getAuthenticated();
    const before = await stats();
    await clientFor("person-2").rest.users.getAuthenticated();
    expect((await stats()).notModified - before.notModified).toBe(0);
    expect(await db.gitHubResponseCache.count()).toBe(2);
  });

  it("refreshes the stored body when the data changed, and survives two panels storing one URL at once", async () => {
    await db.gitHubResponseCache.create({
      data: {
        userId: "person-1",
        url: `${emu.apiUrl}/user`,
        etag: '"outdated"',
        body: JSON.stringify({ data: { login: "someone-else" } }),
      },
    });
    const octokit = clientFor("person-1");
    const [a, b] = await Promise.all([octokit.rest.users.getAuthenticated(), octokit.rest.users.getAuthenticated()]);
    expect([a.data.login, b.data.login]).toEqual(["octocat", "octocat"]);
    const row = await db.gitHubResponseCache.findFirstOrThrow();
    expect(row.etag).toBe(a.headers.etag);
    expect(JSON.parse(row.body).data.login).toBe("octocat");
  });

  it("asks each URL once per client (one page view), even with no freshness; a write forgets what it was told", async () => {
    const userCalls = async () => (await stats()).calls["GET /user"] ?? 0;
    const view = clientFor("person-1");
    const first = await view.rest.users.getAuthenticated();
    const again = await view.rest.users.getAuthenticated();
    expect(again.data).toEqual(first.data);
    expect(await userCalls()).toBe(1);
    // The next view asks again (max-age 0: a 304).
    await clientFor("person-1").rest.users.getAuthenticated();
    expect(await userCalls()).toBe(2);
    await expect(view.request("POST /user/repos", { name: "x" })).rejects.toMatchObject({ status: 404 });
    await view.rest.users.getAuthenticated();
    expect(await userCalls()).toBe(3);
  });

  it("a shared answer is each caller's own: Octokit's paginate reshaping one leaves the others as GitHub sent them", async () => {
    // paginate() unwraps {total_count, installations} answers in place; the same answer given to the
    // next caller of this view, or to a coalesced caller elsewhere, must still have its shape.
    token = await tokenFor(emu, "octocat", { clientId: DEMO_GITHUB_APP.clientId });
    const installations = (octokit: Octokit) =>
      octokit.paginate(octokit.rest.apps.listInstallationsForAuthenticatedUser, { per_page: 100 });
    const view = clientFor("person-1");
    const first = await installations(view);
    expect(first.map((installation) => installation.id)).not.toHaveLength(0);
    expect(await installations(view)).toEqual(first);
    await emulatorControl(emu.url).latency(50);
    const together = await Promise.all([1, 2, 3].map(() => installations(clientFor("person-1"))));
    expect(together).toEqual([first, first, first]);
  });

  it("keeps GitHub's answers without their API links: the same data from GitHub and from the store, a third the size", async () => {
    const list = (octokit: Octokit) => octokit.rest.repos.listForAuthenticatedUser({ per_page: 6 });
    const asSent = (await fetch(`${emu.apiUrl}/user/repos?per_page=6`, {
      headers: { authorization: `token ${token}` },
    }).then((r) => r.json())) as Record<string, unknown>[];
    const first = await list(clientFor("person-1", 60));
    const fromStore = await list(clientFor("person-1", 60));
    expect(fromStore.data).toEqual(first.data);

    const apiLinks = (items: object[]) =>
      items.flatMap((item) =>
        Object.entries(item)
          .filter(([key, value]) => /^url$|_url$/.test(key) && String(value).startsWith(`${emu.apiUrl}/`))
          .map(([key]) => key),
      );
    expect(apiLinks(asSent)).toEqual(expect.arrayContaining(["url", "commits_url", "statuses_url"]));
    expect(apiLinks(first.data)).toEqual([]);
    // Links that are not GitHub's API stay: the web page, the clone URL, the avatar.
    expect(first.data[0]).toMatchObject({ html_url: asSent[0]!.html_url, clone_url: asSent[0]!.clone_url });
    expect(first.data[0]!.owner.avatar_url).toBe((asSent[0]!.owner as { avatar_url: string }).avatar_url);
    expect(first.data[0]!.owner).not.toHaveProperty("repos_url");
    const row = await db.gitHubResponseCache.findFirstOrThrow();
    expect(row.body.length).toBeLessThan(JSON.stringify(asSent).length / 2);

    // A search result's only pointer to its repository stays.
    const search = await clientFor("person-1").rest.search.issuesAndPullRequests({ q: "is:issue assignee:@me" });
    expect(search.data.items[0]).toMatchObject({ repository_url: expect.stringMatching(/\/repos\/[^/]+\/[^/]+$/) });
    expect(search.data.items[0]).not.toHaveProperty("comments_url");
  });

  it("leaves other methods alone", async () => {
    const octokit = clientFor("person-1");
    await expect(octokit.request("POST /user/repos", { name: "x" })).rejects.toMatchObject({ status: 404 });
    expect(await db.gitHubResponseCache.count()).toBe(0);
  });
});

describe(`freshness, coalescing and stale-if-error (${provider})`, () => {
  it("reads GitHub's max-age", () => {
    expect(maxAgeOf("private, max-age=60, s-maxage=60")).toBe(60);
    expect(maxAgeOf("no-cache")).toBe(0);
    expect(maxAgeOf(undefined)).toBe(0);
  });

  it("within max-age a repeated GET asks GitHub nothing; after it, one conditional request", async () => {
    const first = await clientFor("person-1", 60).rest.users.getAuthenticated();
    const before = await totalCalls();
    const again = await clientFor("person-1", 60).rest.users.getAuthenticated();
    expect(again.data).toEqual(first.data);
    expect(await totalCalls()).toBe(before);

    clock += 61_000;
    const beforeRevalidation = await stats();
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    const afterRevalidation = await stats();
    expect(afterRevalidation.notModified - beforeRevalidation.notModified).toBe(1);
    expect(afterRevalidation.rateLimitCharged - beforeRevalidation.rateLimitCharged).toBe(0);
    // The 304 made it fresh again.
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    expect((await stats()).notModified).toBe(afterRevalidation.notModified);
  });

  it("GITHUB_CACHE_MAX_AGE caps GitHub's max-age, also for rows written under a longer one", async () => {
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    clock += 11_000;
    const before = await stats();
    await clientFor("person-1", 10).rest.users.getAuthenticated();
    expect((await stats()).notModified - before.notModified).toBe(1);
  });

  it("a request sent with cache-control: no-cache (an answer that decides access) is revalidated, not served fresh", async () => {
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    const before = await stats();
    await clientFor("person-1", 60).request("GET /user", { headers: { "cache-control": "no-cache" } });
    expect((await stats()).notModified - before.notModified).toBe(1);
  });

  it("a no-cache read (one that decides access) is not answered from a stored copy when GitHub fails", async () => {
    // An installation list deciding what a person may use: a copy from before its deletion must not
    // bring it back just because GitHub is down now.
    const noCache = { headers: { "cache-control": "no-cache" } };
    await clientFor("person-1", 60).request("GET /user", noCache);
    clock += 30 * 24 * 3600_000;
    await emulatorControl(emu.url).addFault({ method: "GET", path: "^/user$", status: 503 });
    await expect(clientFor("person-1", 60).request("GET /user", noCache)).rejects.toBeInstanceOf(
      GitHubUnavailableError,
    );
    // An ordinary read of the same answer still gets the copy, marked stale.
    await expect(clientFor("person-1", 60).request("GET /user")).resolves.toMatchObject({ status: 200 });
  });

  it.each(["304", "200"] as const)(
    "an answer (%s) asked for before a webhook's invalidation and stored after it is not fresh",
    async (answer) => {
      const issues = (client: Octokit) =>
        client.rest.issues.listForRepo({ owner: "octocat", repo: "hello-world", state: "all" });
      const titleOfFirst = async (client: Octokit) => (await issues(client)).data.find((i) => i.number === 1)?.title;
      await titleOfFirst(clientFor("person-1", 60));
      if (answer === "200")
        await emulatorControl(emu.url).updateIssue("octocat/hello-world", 1, { title: "Changed once" });
      clock += 61_000;
      // GitHub answers; then the issue changes and its webhook is handled before the answer is stored.
      let changed = false;
      const racing = clientFor("person-1", 60, undefined, async () => {
        if (changed) return;
        changed = true;
        await emulatorControl(emu.url).updateIssue("octocat/hello-world", 1, { title: "Changed on GitHub" });
        await markRepositoryAnswersStale(db, emu.apiUrl, ["octocat/hello-world"], {
          databaseUrl: database.url,
          at: new Date(clock),
        });
      });
      expect(await titleOfFirst(racing)).not.toBe("Changed on GitHub");
      // The next view asks GitHub again and shows the change.
      expect(await titleOfFirst(clientFor("person-1", 60))).toBe("Changed on GitHub");
    },
  );

  it("another media type of a stored URL is asked of GitHub and not stored over the JSON answer", async () => {
    const { data: json } = await clientFor("person-1", 60).request("GET /user");
    const before = await totalCalls();
    const raw = { headers: { accept: "application/vnd.github.raw+json" } };
    await clientFor("person-1", 60).request("GET /user", raw);
    await clientFor("person-1", 60).request("GET /user", raw);
    expect((await totalCalls()) - before).toBe(2);
    // The JSON answer is still the stored one, and still fresh.
    expect((await clientFor("person-1", 60).request("GET /user")).data).toEqual(json);
    expect((await totalCalls()) - before).toBe(2);
  });

  it("a row marked stale (null freshUntil, as a webhook leaves it) is revalidated at once", async () => {
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    await db.gitHubResponseCache.updateMany({ data: { freshUntil: null } });
    const before = await stats();
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    expect((await stats()).notModified - before.notModified).toBe(1);
  });

  it("50 identical GETs of one person in flight at once make one call; another person's are separate", async () => {
    await emulatorControl(emu.url).latency(100);
    const before = await totalCalls();
    const all = await Promise.all([
      ...Array.from({ length: 50 }, () => clientFor("person-1", 60).rest.users.getAuthenticated()),
      clientFor("person-2", 60).rest.users.getAuthenticated(),
    ]);
    expect(new Set(all.map((r) => r.data.login))).toEqual(new Set(["octocat"]));
    expect((await totalCalls()) - before).toBe(2);
    expect(readsInFlight()).toBe(0);
  });

  it("answers asked for side by side cost one database read, and their 304s one write", async () => {
    const { queries, counted } = countedStore();
    // What a dashboard's panels do: several different GETs of one person at the same moment.
    const panels = (octokit: Octokit) =>
      Promise.all([
        octokit.rest.users.getAuthenticated(),
        ...[1, 2, 3].map((per_page) => octokit.rest.repos.listForAuthenticatedUser({ per_page })),
      ]);
    const first = await panels(clientFor("person-1", 60, counted));
    // Each new answer is stored as it arrives; those arriving in the same turn share a statement.
    expect(queries.reads).toBe(1);
    expect(queries.writes).toBeGreaterThanOrEqual(1);
    expect(queries.writes).toBeLessThanOrEqual(4);
    expect(await db.gitHubResponseCache.count()).toBe(4);
    const stores = queries.writes;

    const callsBefore = await totalCalls();
    const fresh = await panels(clientFor("person-1", 60, counted));
    expect(fresh.map((r) => r.data)).toEqual(first.map((r) => r.data));
    expect(queries.reads).toBe(2);
    expect(await totalCalls()).toBe(callsBefore);

    clock += 61_000;
    const before = await stats();
    await panels(clientFor("person-1", 60, counted));
    expect((await stats()).notModified - before.notModified).toBe(4);
    expect(queries).toEqual({ reads: 3, writes: stores + 1 });
    // All four are fresh again, from the moment GitHub confirmed them (to the second).
    for (const row of await db.gitHubResponseCache.findMany()) {
      expect(row.freshUntil!.getTime()).toBeGreaterThan(clock + 58_000);
      expect(Math.abs(row.updatedAt.getTime() - clock)).toBeLessThan(1000);
    }
  });

  it("answers stored in the same turn are one statement; a URL stored twice keeps the later answer", async () => {
    const { queries, counted } = countedStore();
    const cache = databaseResponseCache("person-1", {
      ...counted,
      databaseUrl: database.url,
    });
    const answer = (etag: string) => ({ etag, data: { etag }, link: null, at: new Date(clock), freshUntil: null });
    await Promise.all([
      cache.put(`${emu.apiUrl}/a`, answer('"a"')),
      cache.put(`${emu.apiUrl}/b`, answer('"b1"')),
      cache.put(`${emu.apiUrl}/b`, answer('"b2"')),
    ]);
    expect(queries.writes).toBe(1);
    expect(await cache.get(`${emu.apiUrl}/a`)).toMatchObject({ etag: '"a"', data: { etag: '"a"' } });
    expect(await cache.get(`${emu.apiUrl}/b`)).toMatchObject({ etag: '"b2"', data: { etag: '"b2"' } });
  });

  it("an answer arriving after the person's connection ended is not kept", async () => {
    // GitHub answers a view that was under way when the person disconnected (or GitHub revoked it).
    const view = clientFor("person-1");
    await db.gitHubConnection.update({ where: { userId: "person-1" }, data: { status: "disconnected" } });
    const { data } = await view.rest.users.getAuthenticated();
    expect(data.login).toBe("octocat"); // the view still gets its answer
    expect(await db.gitHubResponseCache.count({ where: { userId: "person-1" } })).toBe(0);
  });

  it("reads asked for through promise chains are one read, made before the rest of the turn's work", async () => {
    const { queries, counted } = countedStore();
    const cache = databaseResponseCache("person-1", {
      ...counted,
      databaseUrl: database.url,
    });
    // A render's panels: each reaches the cache a few promise jobs after it starts, while the
    // render itself has more work queued for later in the turn.
    let readsWhenTheTurnEnded = -1;
    setImmediate(() => (readsWhenTheTurnEnded = queries.reads));
    const panel = async (url: string, hops: number) => {
      for (let i = 0; i < hops; i++) await null;
      return cache.get(`${emu.apiUrl}${url}`);
    };
    await Promise.all([panel("/user", 0), panel("/user/repos", 3), panel("/search/issues", 8)]);
    await new Promise(setImmediate);
    expect(queries.reads).toBe(1);
    expect(readsWhenTheTurnEnded).toBe(1);
  });

  it("GitHub failing with a stored copy at hand: the copy, noted as stale with when GitHub last confirmed it", async () => {
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    const storedAt = (await db.gitHubResponseCache.findFirstOrThrow()).updatedAt;
    clock += 61_000;
    await emulatorControl(emu.url).addFault({ method: "GET", path: "^/user$", status: 503 });
    const { value, stale } = await collectStaleness(() => clientFor("person-1", 60).rest.users.getAuthenticated());
    expect(value.data.login).toBe("octocat");
    expect(stale).toMatchObject({ asOf: storedAt, problem: { reason: "server_error" } });
    // Without a stored copy the failure stands.
    await expect(clientFor("person-2", 60).rest.users.getAuthenticated()).rejects.toBeInstanceOf(
      GitHubUnavailableError,
    );
  });

  it("a fresh answer is not noted as stale", async () => {
    await clientFor("person-1", 60).rest.users.getAuthenticated();
    const { stale } = await collectStaleness(() => clientFor("person-1", 60).rest.users.getAuthenticated());
    expect(stale).toBeNull();
  });
});

describe("cached answers and their owner", () => {
  it("go when the person is deleted", async () => {
    const database = await createTestDatabase(provider);
    const db = database.connect();
    try {
      const user = await db.user.create({ data: { login: "leaving" } });
      await db.gitHubResponseCache.create({
        data: { userId: user.id, url: "https://api.github.com/user/repos", etag: '"e"', body: "{}" },
      });
      await db.user.delete({ where: { id: user.id } });
      expect(await db.gitHubResponseCache.count()).toBe(0);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});

// Two app instances writing one person's cached answers at once, or a webhook invalidating them
// meanwhile: on PostgreSQL, statements that take the same rows in different orders deadlock, and
// one of them fails. (SQLite is one instance, with one writer at a time.)
describe.each(provider === "postgresql" ? [provider] : [])("writers of the same answers at once (%s)", () => {
  const repository = () => `${emu.apiUrl}/repos/octocat/hello-world`;
  const search = () => `${emu.apiUrl}/search/issues?q=is%3Aopen`;
  const answer = (etag: string) => ({
    etag,
    data: { etag },
    link: null,
    at: new Date(clock),
    freshUntil: new Date(clock + 60_000),
  });
  const cacheOf = (write: Pick<Database, "$executeRaw">) =>
    databaseResponseCache("person-1", { read: rowReader(database.url), write, databaseUrl: database.url });
  const table = () => rawTable("GitHubResponseCache", database.url);

  /** Until `count` statements on this test's tables wait for a row lock, as PostgreSQL sees them. */
  async function untilWaiting(count: number, orDone = () => false) {
    const tables = `%"${new URL(database.url).searchParams.get("schema")}"."GitHubResponseCache"%`;
    for (let tries = 0; tries < 250 && !orDone(); tries++) {
      const [row] = await db.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS "waiting"
        FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "query" LIKE ${tables}`;
      if (row!.waiting >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!orDone()) throw new Error(`${count} statement(s) never came to wait for a row lock`);
  }

  /** A transaction on another instance's connection that holds what it took until released. */
  function heldTransaction<T>(
    work: (tx: Pick<Database, "$executeRaw" | "$queryRaw">, hold: () => Promise<void>) => Promise<T>,
  ) {
    let taken!: () => void;
    let release!: () => void;
    const took = new Promise<void>((resolve) => (taken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const result = database.connect().$transaction((tx) =>
      work(tx, () => {
        taken();
        return released;
      }),
    );
    return { took, release, result };
  }

  it("a webhook marks answers stale while another instance stores new ones for them: both finish", async () => {
    await Promise.all([cacheOf(db).put(repository(), answer('"1"')), cacheOf(db).put(search(), answer('"1"'))]);
    // The webhook's transaction, paused after its first statement as if the database were slow.
    const webhook = heldTransaction(async (tx, hold) => {
      let statements = 0;
      const paused: Pick<Database, "$executeRaw"> = {
        $executeRaw: (async (query: TemplateStringsArray, ...values: unknown[]) => {
          const count = await tx.$executeRaw(query, ...values);
          if (statements++ === 0) await hold();
          return count;
        }) as Database["$executeRaw"],
      };
      return markRepositoryAnswersStale(paused, emu.apiUrl, ["octocat/hello-world"], { databaseUrl: database.url });
    });
    await webhook.took;
    // Meanwhile the answers arrive on this instance, the search's first.
    const cache = cacheOf(db);
    const storing = Promise.all([cache.put(search(), answer('"2"')), cache.put(repository(), answer('"2"'))]);
    await untilWaiting(1);
    webhook.release();
    await expect(webhook.result).resolves.toBe(2);
    await storing;
    expect(await cache.get(repository())).toMatchObject({ etag: '"2"' });
    expect(await cache.get(search())).toMatchObject({ etag: '"2"' });
  });

  it("an answer stored while the person's connection is ending waits for the ending, and is not kept", async () => {
    const cache = cacheOf(db);
    await cache.put(repository(), answer('"1"'));
    // Disconnecting on another instance: the connection ends and its answers go, not yet committed.
    const disconnecting = heldTransaction(async (tx, hold) => {
      await tx.$executeRaw`UPDATE ${rawTable("GitHubConnection", database.url)} SET "status" = 'disconnected'
        WHERE "userId" = 'person-1'`;
      await forgetAnswers(tx, "person-1", database.url);
      await hold();
    });
    await disconnecting.took;
    let stored = false;
    const storing = Promise.all([cache.put(repository(), answer('"2"')), cache.put(search(), answer('"2"'))]).finally(
      () => (stored = true),
    );
    await untilWaiting(1, () => stored);
    disconnecting.release();
    await disconnecting.result;
    await storing;
    expect(await db.gitHubResponseCache.count({ where: { userId: "person-1" } })).toBe(0);
  });

  it("a person's answers are forgotten (their connection ended) while new ones are stored: both finish", async () => {
    await Promise.all([cacheOf(db).put(repository(), answer('"1"')), cacheOf(db).put(search(), answer('"1"'))]);
    // Something else holds one answer for a moment (a 304 confirming it on a third instance).
    const confirming = heldTransaction(async (tx, hold) => {
      await tx.$queryRaw`SELECT "url" FROM ${table()} WHERE "url" = ${repository()} FOR UPDATE`;
      await hold();
    });
    await confirming.took;
    const forgetting = forgetAnswers(db, "person-1", database.url);
    await untilWaiting(1);
    const cache = cacheOf(db);
    const storing = Promise.all([cache.put(search(), answer('"2"')), cache.put(repository(), answer('"2"'))]);
    await untilWaiting(2);
    confirming.release();
    await confirming.result;
    await expect(forgetting).resolves.toBe(2);
    await storing;
  });
});
