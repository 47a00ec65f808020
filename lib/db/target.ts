// Which database a DATABASE_URL points at. Pure (no server-only) because the Prisma CLI config,
// scripts and the app all need the same answer.

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseTarget = {
  provider: DatabaseProvider;
  url: string;
  /** Schema file under prisma/ whose datasource matches the provider. */
  schemaFile: string;
};

export const DEFAULT_DATABASE_URL = "file:./data/hublink.db";

export function databaseTarget(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith("file:")) {
    return { provider: "sqlite", url, schemaFile: "schema.prisma" };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgresql", url, schemaFile: "postgresql/schema.prisma" };
  }
  throw new Error(
    "DATABASE_URL must start with file: (SQLite, e.g. file:./data/hublink.db) or postgres:// / postgresql:// (PostgreSQL).",
  );
}

/** The SQLite file a file: URL names, relative to the working directory (the project root). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** A SQLite database's files: the database and, in WAL mode, its write-ahead log and shared index. */
export function sqliteFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/**
 * A PostgreSQL URL split into the connection string pg understands and the schema named by
 * Prisma's `?schema=` convention (default public). Tests give each run its own schema this way.
 */
export function postgresConnection(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
