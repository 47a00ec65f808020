import { z } from "zod";

// GET /api/github/callback: what GitHub may send back. Parsed, never read with `key in params`;
// a value that does not fit is dropped (treated as absent), so nothing crafted reaches lib/.

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const callbackQuery = z.object({
  code: optional(z.string().min(1).max(512)),
  state: optional(z.string().min(1).max(4096)),
  error: optional(z.string().max(100)),
  setup_action: optional(z.enum(["install", "update", "request"])),
  installation_id: optional(z.string().regex(/^\d{1,20}$/)),
});

export type CallbackQuery = z.infer<typeof callbackQuery>;

export function parseCallbackQuery(params: URLSearchParams): CallbackQuery {
  return callbackQuery.parse(Object.fromEntries(params));
}
