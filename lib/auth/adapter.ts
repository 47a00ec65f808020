import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Database } from "../db/create-client";
import { rawTable } from "../db/raw-table";
import type { ReadRows } from "../db/read-rows";
import { Prisma } from "../generated/sqlite/client";

type SessionAndUserRow = {
  sessionToken: string;
  userId: string;
  expires: Date;
  login: string | null;
  name: string | null;
  email: string | null;
  emailVerified: Date | null;
  image: string | null;
};

/**
 * Auth.js's Prisma adapter, but a session and its person are read with one raw join: every
 * signed-in page view asks, and the adapter's own version is two model queries (lib/db/raw-table.ts).
 * `readRows` runs it (lib/db/read-rows.ts); everything else is the Prisma adapter's.
 */
export function authAdapter(database: Database, readRows: ReadRows): Adapter {
  // The adapter is typed against @prisma/client's default output; ours is generated elsewhere with
  // the same models (prisma/schema.prisma), so the shapes match.
  const adapter = PrismaAdapter(database as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...adapter,
    async getSessionAndUser(sessionToken) {
      const rows = await readRows<SessionAndUserRow>(Prisma.sql`SELECT s."sessionToken", s."userId", s."expires",
          u."login", u."name", u."email", u."emailVerified", u."image"
        FROM ${rawTable("Session")} s JOIN ${rawTable("User")} u ON u."id" = s."userId"
        WHERE s."sessionToken" = ${sessionToken}`);
      const row = rows[0];
      if (!row) return null;
      const { sessionToken: token, userId, expires, ...user } = row;
      return {
        session: { sessionToken: token, userId, expires },
        // Auth.js's type says every user has an email; a GitHub account may keep it private.
        user: { id: userId, ...user } as AdapterUser,
      };
    },
  };
}
