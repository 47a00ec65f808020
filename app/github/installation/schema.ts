import { z } from "zod";
import { oneOf } from "@/lib/navigation/query";

// /github/installation?installation_id=&setup_action=
export const installationQuery = z.object({
  installation_id: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z
      .string()
      .regex(/^\d{1,20}$/)
      .optional()
      .catch(undefined),
  ),
  setup_action: oneOf(["install", "update"], "install"),
});
