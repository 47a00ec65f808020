import { z } from "zod";
import { optionalString } from "@/lib/navigation/query";

// /?returnTo=&error=&notice= — returnTo is validated again (same origin, after normalisation) where it is used.
export const landingQuery = z.object({
  returnTo: optionalString(2048),
  error: optionalString(100),
  notice: z.enum(["signed-out"]).optional().catch(undefined),
});
