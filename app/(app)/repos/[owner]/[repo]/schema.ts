import { z } from "zod";
import { oneOf, pageNumber } from "@/lib/navigation/query";

// /repos/{owner}/{repo}?tab=&state=&page=

// GitHub's names: owners are letters, digits and dashes; repositories add dots and underscores.
// Anything else cannot be a repository, and is not found — never passed on to GitHub.
export const repositoryParams = z.object({
  owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/),
  repo: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .refine((name) => name !== "." && name !== ".."),
});

export const repositoryQuery = z.object({
  tab: oneOf(["issues", "pulls"], "issues"),
  state: oneOf(["open", "closed"], "open"),
  page: pageNumber,
});
