// The page-view reads' own connections (lib/db/read-rows.ts), on SQLite and on PostgreSQL when
// TEST_POSTGRES_URL names one: they must answer what Prisma answers, see what Prisma's connection
// has committed the moment it is committed, and do nothing but read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/create-client";
import { rawTable } from "@/lib/db/raw-table";
import { rowReader, type ReadRows } from "@/lib/db/read-rows";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { providers } from "../support/lifecycle";

describe.each(providers)("reads on their own connection (%s)", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let read: ReadRows;
  const connection = (userId: string) =>
    Prisma.sql`SELECT * FROM ${rawTable("GitHubConnection", database.url)} WHERE "userId" = ${userId}`;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.connect();
    read = rowReader(database.url);
    await db.user.create({ data: { id: "person-1", login: "octocat" } });
  });
  afterAll(async () => database.drop());

  it("answers what Prisma's $queryRaw answers: times as Date, numbers as numbers, nulls kept", async () => {
    await db.gitHubConnection.create({
      data: {
        userId: "person-1",
        githubUserId: "1",
        login: "octocat",
        kind: "github_app",
        status: "connected",
        accessTokenExpiresAt: new Date(Date.UTC(2026, 11, 3, 9, 30, 15, 123)),
        version: 7,
      },
    });
    const [ours] = await read<Record<string, unknown>>(connection("person-1"));
    const [prismas] = await db.$queryRaw<Record<string, unknown>[]>(connection("person-1"));
    expect(ours).toEqual(prismas);
    expect(ours).toMatchObject({
      accessTokenExpiresAt: new Date(Date.UTC(2026, 11, 3, 9, 30, 15, 123)),
      version: 7,
      revokedAt: null,
    });
  });

  it("reads a stored time as the same instant whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York"; // Node applies it at once
    try {
      const [ours] = await read<{ accessTokenExpiresAt: Date }>(connection("person-1"));
      expect(ours!.accessTokenExpiresAt).toEqual(new Date(Date.UTC(2026, 11, 3, 9, 30, 15, 123)));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("sees a write of Prisma's connection as soon as it is committed, with the statement already prepared", async () => {
    await read(connection("person-1"));
    await db.gitHubConnection.update({ where: { userId: "person-1" }, data: { status: "revoked", version: 8 } });
    const [row] = await read<{ status: string; version: number }>(connection("person-1"));
    expect(row).toMatchObject({ status: "revoked", version: 8 });
    await db.gitHubConnection.delete({ where: { userId: "person-1" } });
    expect(await read(connection("person-1"))).toEqual([]);
  });

  it("refuses to write, and leaves the data as it was", async () => {
    const user = rawTable("User", database.url);
    await expect(read(Prisma.sql`DELETE FROM ${user} WHERE "id" = ${"person-1"}`)).rejects.toThrow(
      /only reads|read-only/,
    );
    // A write that returns rows gets past that check; the connection itself refuses it.
    await expect(read(Prisma.sql`DELETE FROM ${user} WHERE "id" = ${"person-1"} RETURNING "id"`)).rejects.toThrow(
      /readonly|read-only/i,
    );
    expect(await db.user.count({ where: { id: "person-1" } })).toBe(1);
  });

  it("refuses a parameter it could compare differently from Prisma (a Date) instead of missing rows", async () => {
    await expect(
      read(Prisma.sql`SELECT "id" FROM ${rawTable("User", database.url)} WHERE "createdAt" < ${new Date()}`),
    ).rejects.toThrow(/text and number parameters/);
  });
});
