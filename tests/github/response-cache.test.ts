import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl, startTestEmulator, tokenFor } from "@hublink/github-emulator/testing";
import { DEMO_CONNECT_APP, demoEmulatorApps } from "@/lib/config/demo";
import type { Database } from "@/lib/db/create-client";
import { addConditionalRequests, databaseResponseCache } from "@/lib/github/api/response-cache";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The conditional-request hook against the emulator's real ETags and a migrated database: SQLite,
// and PostgreSQL too when TEST_POSTGRES_URL names one (the store every app instance shares).

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
});
afterAll(async () => {
  await Promise.all([emu.stop(), database.drop()]);
});
beforeEach(async () => {
  await emulatorControl(emu.url).reset();
  await db.gitHubResponseCache.deleteMany();
  token = await tokenFor(emu, "octocat", { clientId: DEMO_CONNECT_APP.clientId, scope: "repo read:org" });
});

function clientFor(userId: string) {
  const octokit = new Octokit({ auth: token, baseUrl: emu.apiUrl });
  addConditionalRequests(octokit, databaseResponseCache(db, userId));
  return octokit;
}

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

  it("leaves other methods alone", async () => {
    const octokit = clientFor("person-1");
    await expect(octokit.request("POST /user/repos", { name: "x" })).rejects.toMatchObject({ status: 404 });
    expect(await db.gitHubResponseCache.count()).toBe(0);
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
