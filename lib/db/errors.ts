import { z } from "zod";

// Prisma's code for a unique constraint that refused a write, e.g. two instances inserting the same
// key at once: the other writer won, which callers treat as "already done".
// https://www.prisma.io/docs/orm/reference/error-reference#p2002
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

// A deadlock (40P01) or a serialization failure (40001), as the driver reports it: on a model
// query's error itself, on a raw query's in `meta`.
const transientCause = z.object({ originalCode: z.enum(["40P01", "40001"]) });
const transientConflict = z.union([
  z.object({ code: z.literal("P2034") }),
  z.object({ cause: transientCause }),
  z.object({ meta: z.object({ driverAdapterError: z.object({ cause: transientCause }) }) }),
]);

/**
 * PostgreSQL ended a transaction so that another could go on: a deadlock (40P01) or a serialization
 * failure (40001, which Prisma reports as P2034). Nothing of it was written, and it may run again.
 */
export function isTransientConflict(error: unknown): boolean {
  return transientConflict.safeParse(error).success;
}
