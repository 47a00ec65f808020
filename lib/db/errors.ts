import { z } from "zod";

// Prisma's code for a unique constraint that refused a write, e.g. two instances inserting the same
// key at once: the other writer won, which callers treat as "already done".
// https://www.prisma.io/docs/orm/reference/error-reference#p2002
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

const TRANSIENT_CONFLICTS = new Set(["40P01", "40001"]);
const postgresCode = z.object({ originalCode: z.string() });
// Where the driver's code travels: on a model query's error itself, on a raw query's in `meta`.
const transientConflict = z.union([
  z.object({ code: z.literal("P2034") }),
  z.object({ cause: postgresCode.refine((cause) => TRANSIENT_CONFLICTS.has(cause.originalCode)) }),
  z.object({
    meta: z.object({
      driverAdapterError: z.object({
        cause: postgresCode.refine((cause) => TRANSIENT_CONFLICTS.has(cause.originalCode)),
      }),
    }),
  }),
]);

/**
 * PostgreSQL ended a transaction so that another could go on: a deadlock (40P01) or a serialization
 * failure (40001, which Prisma reports as P2034). Nothing of it was written, and it may run again.
 */
export function isTransientConflict(error: unknown): boolean {
  return transientConflict.safeParse(error).success;
}
