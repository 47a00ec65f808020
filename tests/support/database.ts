// Throwaway databases for tests: a temp SQLite file, or a fresh schema in the PostgreSQL that
// TEST_POSTGRES_URL names. Each is migrated with the committed migrations, exactly as the app is.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type Database } from "@/lib/db/create-client";
import { runMigrations } from "@/lib/db/migrations";
import { sqliteFiles } from "@/lib/db/target";

export type TestDatabase = { url: string; connect(): Database; drop(): Promise<void> };

export async function createTestDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  const id = `hublink_test_${randomBytes(6).toString("hex")}`;
  const clients: Database[] = [];
  const connect = (url: string) => () => {
    const client = createPrismaClient(url);
    clients.push(client);
    return client;
  };
  const disconnectAll = () => Promise.all(clients.map((c) => c.$disconnect()));

  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `${id}.db`);
    const url = `file:${file}`;
    runMigrations(url, { quiet: true });
    return {
      url,
      connect: connect(url),
      async drop() {
        await disconnectAll();
        for (const part of sqliteFiles(file)) rmSync(part, { force: true });
      },
    };
  }

  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_POSTGRES_URL is not set");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${id}"`);
  const url = new URL(base);
  url.searchParams.set("schema", id);
  runMigrations(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    connect: connect(url.toString()),
    async drop() {
      await disconnectAll();
      await admin.query(`DROP SCHEMA "${id}" CASCADE`);
      await admin.end();
    },
  };
}
