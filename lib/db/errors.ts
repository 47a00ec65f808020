// Prisma's code for a unique constraint that refused a write, e.g. two instances inserting the same
// key at once: the other writer won, which callers treat as "already done".
// https://www.prisma.io/docs/orm/reference/error-reference#p2002
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
