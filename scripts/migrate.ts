// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names
// (SQLite by default, creating ./data/hublink.db).
import { ConfigError, getDatabaseUrl } from "../lib/config/env";
import { loadEnvFiles } from "./env-files";
import { runMigrations } from "../lib/db/migrations";

try {
  loadEnvFiles(process.env.NODE_ENV !== "production");
  runMigrations(getDatabaseUrl());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
}
