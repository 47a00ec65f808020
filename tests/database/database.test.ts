// The database layer on SQLite (always) and PostgreSQL (when TEST_POSTGRES_URL is set, as in CI):
// the committed migrations apply, rows round-trip, and a conditional update on the version column
// lets exactly one of two concurrent writers win — what single-flight token refresh relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-client";
import { rawTable } from "@/lib/db/raw-table";
import { transaction, type Transaction } from "@/lib/db/transaction";
import { createTestDatabase, type TestDatabase } from "../support/database";

const providers = ["sqlite", ...(process.env.TEST_POSTGRES_URL ? ["postgresql" as const] : [])] as const;

describe.each(providers)("database on %s", (provider) => {
  let database: TestDatabase;
  let instanceA: Database;
  let instanceB: Database;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // On PostgreSQL two clients (two pools) stand for two app instances. better-sqlite3 is
    // synchronous: a second connection in the same process would block the event loop on SQLite's
    // file lock, so on SQLite both "instances" share the one connection a process has, and their
    // queries still interleave at every await.
    instanceA = database.connect();
    instanceB = provider === "sqlite" ? instanceA : database.connect();
  });
  afterAll(async () => database?.drop());

  async function newUserWithConnection(login: string) {
    return instanceA.user.create({
      data: {
        name: login,
        email: `${login}@example.com`,
        githubConnection: {
          create: { githubUserId: "583231", login, kind: "github_app", status: "connected", scopes: "" },
        },
      },
      include: { githubConnection: true },
    });
  }

  it("creates a user with a connection and reads it back from another instance", async () => {
    const user = await newUserWithConnection("octocat");
    const read = await instanceB.gitHubConnection.findUnique({ where: { userId: user.id } });
    expect(read).toMatchObject({ login: "octocat", kind: "github_app", status: "connected", version: 0 });
    expect(read?.connectedAt).toBeInstanceOf(Date);
  });

  it("enforces one connection per user", async () => {
    const user = await newUserWithConnection("hubot");
    await expect(
      instanceB.gitHubConnection.create({
        data: { userId: user.id, githubUserId: "2", login: "hubot", kind: "oauth_app", status: "connected" },
      }),
    ).rejects.toThrow();
  });

  it("lets exactly one of two concurrent conditional writers win", async () => {
    const user = await newUserWithConnection("monalisa");
    const seen = user.githubConnection!;
    // Both instances read version 0 and try to claim the row at the same moment.
    const claim = (db: Database, claimId: string) =>
      db.gitHubConnection.updateMany({
        where: { id: seen.id, version: seen.version },
        data: { version: { increment: 1 }, refreshClaimId: claimId },
      });
    const results = await Promise.all([claim(instanceA, "instance-a"), claim(instanceB, "instance-b")]);

    expect(results.map((r) => r.count).sort()).toEqual([0, 1]);
    const after = await instanceA.gitHubConnection.findUniqueOrThrow({ where: { id: seen.id } });
    expect(after.version).toBe(1);
    expect(after.refreshClaimId).toBe(results[0]!.count === 1 ? "instance-a" : "instance-b");
  });

  it("keeps many racing writers to one winner per version", async () => {
    const user = await newUserWithConnection("bigcat");
    const id = user.githubConnection!.id;
    const attempts = Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? instanceA : instanceB).gitHubConnection.updateMany({
        where: { id, version: 0 },
        data: { version: 1, refreshClaimId: `writer-${i}` },
      }),
    );
    const counts = (await Promise.all(attempts)).map((r) => r.count);
    expect(counts.filter((c) => c === 1)).toHaveLength(1);
  });

  it("deletes a user's connection and events with the user", async () => {
    const user = await newUserWithConnection("ghost");
    await instanceA.connectionEvent.create({
      data: { userId: user.id, connectionId: user.githubConnection!.id, type: "connected", detail: "{}" },
    });
    await instanceB.user.delete({ where: { id: user.id } });
    expect(await instanceA.gitHubConnection.count({ where: { userId: user.id } })).toBe(0);
    expect(await instanceA.connectionEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("SQLite as a server's database", () => {
  it("writes ahead to a log with normal sync, so a write does not block the event loop on fsyncs", async () => {
    const database = await createTestDatabase("sqlite");
    try {
      const client = database.connect();
      const [journal] = await client.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [sync] = await client.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
      expect(journal?.journal_mode).toBe("wal");
      expect(Number(sync?.synchronous)).toBe(1); // NORMAL
    } finally {
      await database.drop();
    }
  });
});

// PostgreSQL only: on SQLite one writer at a time, so two transactions never wait for each other.
describe.each(providers.filter((provider) => provider === "postgresql"))("transactions on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  // Prisma reports the deadlock differently for its model queries and for raw SQL: both count.
  const renames = {
    "model queries": (tx: Transaction, id: string, name: string) => tx.user.update({ where: { id }, data: { name } }),
    "raw SQL": (tx: Transaction, id: string, name: string) =>
      tx.$executeRaw`UPDATE ${rawTable("User", database.url)} SET "name" = ${name} WHERE "id" = ${id}`,
  };

  it.each(Object.keys(renames) as (keyof typeof renames)[])(
    "a transaction PostgreSQL ends to break a deadlock runs again, once, and both writers finish (%s)",
    async (kind) => {
      const rename = renames[kind];
      const [instanceA, instanceB] = [database.connect(), database.connect()];
      const [a, b] = await Promise.all(["a", "b"].map((name) => instanceA.user.create({ data: { name } })));
      const paused = () => {
        let resolve!: () => void;
        return { done: new Promise<void>((r) => (resolve = r)), signal: () => resolve() };
      };
      const firstHolds = paused();
      const secondHolds = paused();
      const runs = { first: 0, second: 0 };
      // Two instances take the same two rows in opposite orders, each holding its first while the
      // other takes its own: a deadlock, whichever PostgreSQL ends.
      const first = transaction(instanceA, async (tx) => {
        runs.first++;
        await rename(tx, a!.id, "first");
        if (runs.first === 1) {
          firstHolds.signal();
          await secondHolds.done;
        }
        await rename(tx, b!.id, "first");
      });
      const second = transaction(instanceB, async (tx) => {
        runs.second++;
        await firstHolds.done;
        await rename(tx, b!.id, "second");
        if (runs.second === 1) secondHolds.signal();
        await rename(tx, a!.id, "second");
      });
      await Promise.all([first, second]);
      expect(runs.first + runs.second).toBe(3);
      // The transaction that ran again committed last, both of its rows.
      const names = (await instanceA.user.findMany({ where: { id: { in: [a!.id, b!.id] } } })).map((u) => u.name);
      expect(new Set(names).size).toBe(1);
    },
  );
});
