import { z } from "zod";

// The connections page's query string: a problem code from the callback (explained from one table,
// never shown as given), the GitHub login it names, and a notice after disconnecting.
export const connectionsQuery = z.object({
  error: z.string().max(100).optional().catch(undefined),
  // GitHub logins: letters, digits and single dashes, at most 39 characters.
  account: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/)
    .optional()
    .catch(undefined),
  notice: z.enum(["disconnected", "disconnected_locally"]).optional().catch(undefined),
});

export type ConnectionsQuery = z.infer<typeof connectionsQuery>;
