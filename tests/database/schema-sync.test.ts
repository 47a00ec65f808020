import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "@/lib/db/derive-schema";

it("keeps the PostgreSQL schema derived from prisma/schema.prisma (run `npm run db:schema`)", () => {
  expect(readFileSync(POSTGRES_SCHEMA_PATH, "utf8")).toBe(derivePostgresSchema());
});
