import { z } from "zod";
import { optionalString } from "@/lib/navigation/query";

// /reconnect?returnTo= — validated again (same origin, after normalisation) where it is used.
export const reconnectQuery = z.object({ returnTo: optionalString(2048) });
