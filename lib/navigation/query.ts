import { z } from "zod";

// Building blocks for the zod schemas beside each route (schema.ts). A query string value may be
// absent, repeated (an array) or anything a person typed; these take the first value and fall back
// to the default instead of failing, so a crafted URL shows the default page — never a 500.

type Raw = string | string[] | undefined;
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** One of `values`, else `fallback`. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(first, z.enum(values).catch(fallback)).default(fallback);

/** A page number: a positive integer (at most 10,000), else 1. */
export const pageNumber = z.preprocess(first, z.coerce.number().int().positive().max(10_000).catch(1)).default(1);

/** Free text, trimmed to `max` characters; absent → "". */
export const text = (max: number) =>
  z
    .preprocess(first, z.string().catch(""))
    .default("")
    .transform((v) => v.trim().slice(0, max));

/** An optional string of at most `max` characters; anything else is absent. */
export const optionalString = (max: number) => z.preprocess(first, z.string().max(max).optional().catch(undefined));

export type SearchParams = Record<string, Raw>;
