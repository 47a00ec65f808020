import { spawnSync } from "node:child_process";
import path from "node:path";

// The project's own CLI, so this works from scripts and tests alike, with or without npm's PATH.
const PRISMA_CLI = path.resolve("node_modules", ".bin", "prisma");

/** Applies pending migrations with `prisma migrate deploy`; throws with Prisma's output on failure. */
export function runMigrations(databaseUrl: string, { quiet = false } = {}): void {
  const deploy = () =>
    spawnSync(PRISMA_CLI, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
  let result = deploy();
  // Instances starting together queue on Prisma's PostgreSQL advisory lock, which gives up after
  // 10 s; the one holding it is applying (or checking) the same migrations, so wait and ask again.
  for (
    let attempt = 1;
    attempt < 4 && result.status !== 0 && /advisory lock/i.test(result.stdout + result.stderr);
    attempt++
  ) {
    result = deploy();
  }
  if (result.status !== 0) {
    throw new Error(
      `Database migration failed:\n${result.stdout ?? ""}${result.stderr ?? result.error?.message ?? ""}`,
    );
  }
  if (quiet) return;
  const where = databaseUrl.startsWith("file:") ? databaseUrl : "PostgreSQL";
  console.log(`database ${result.stdout.includes("No pending migrations") ? "up to date" : "migrated"} (${where})`);
}

/**
 * Brings stored data up to the current format after the schema migrations — today: token
 * ciphertexts bound to their row, under the first key of TOKEN_ENCRYPTION_KEY. Same environment as
 * the app; throws with the script's output on failure.
 */
export function runDataMigrations(environment: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/reencrypt-tokens.ts"],
    {
      env: environment,
      encoding: "utf8",
    },
  );
  if (result.status !== 0)
    throw new Error(`Re-encrypting stored tokens failed:\n${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.stdout.trim()) console.log(result.stdout.trim());
}
