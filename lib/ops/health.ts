import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../config/env";
import { db } from "../db/client";
import { databaseTarget, postgresConnection } from "../db/target";
import { isDraining } from "./lifecycle";

// Readiness for a load balancer: this instance can serve when the database answers and has every
// migration this build ships with. Cheap (two small queries, bounded), never a GitHub call.

export type Readiness =
  { ready: true } | { ready: false; reason: "shutting_down" | "database_unreachable" | "migrations_pending" };

const CHECK_TIMEOUT_MS = 2_000;

let shipped: string[] | undefined;
/** The migration folders of this build for the configured provider (read once). */
function shippedMigrations(provider: string): string[] {
  shipped ??= readdirSync(path.join(process.cwd(), "prisma", "migrations", provider), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return shipped;
}

function migrationsTable(url: string): string {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") return "_prisma_migrations";
  return `"${postgresConnection(url).schema.replaceAll('"', '""')}"."_prisma_migrations"`;
}

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "shutting_down" };
  const url = getEnv().databaseUrl;
  try {
    await withinTimeout(db.$queryRawUnsafe("SELECT 1"));
  } catch {
    return { ready: false, reason: "database_unreachable" };
  }
  try {
    const applied = await withinTimeout(
      db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM ${migrationsTable(url)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    );
    const names = new Set(applied.map((row) => row.migration_name));
    const missing = shippedMigrations(databaseTarget(url).provider).filter((name) => !names.has(name));
    return missing.length ? { ready: false, reason: "migrations_pending" } : { ready: true };
  } catch {
    return { ready: false, reason: "migrations_pending" };
  }
}
