// Prisma CLI configuration. The JavaScript schema engine with a driver adapter means the CLI
// downloads no engine binary (see docs/architecture.md, "Database"). DATABASE_URL picks SQLite or PostgreSQL.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./lib/db/target";
import { getDatabaseUrl } from "./lib/config/env";

const target = databaseTarget(getDatabaseUrl());

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", target.schemaFile),
  migrations: { path: path.join("prisma", "migrations", target.provider) },
  async adapter() {
    return target.provider === "sqlite"
      ? (await import("./lib/db/adapters")).sqliteAdapterFactory(target.url)
      : (await import("./lib/db/adapters")).postgresMigrationAdapterFactory(target.url);
  },
});
