// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: same models, PostgreSQL
// datasource, its own generated client. Prisma fixes the provider per schema file, so the models
// live in one file and this keeps the second in step (tests/database/schema-sync.test.ts checks it).
import { writeFileSync, mkdirSync } from "node:fs";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "../lib/db/derive-schema";

mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync(POSTGRES_SCHEMA_PATH, derivePostgresSchema());
console.log(`wrote ${POSTGRES_SCHEMA_PATH}`);
