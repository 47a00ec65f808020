import { z } from "zod";

// GitHub's answers, parsed at the loader before anything is shaped for a page. GitHub, GitHub
// Enterprise Server versions and GitHub-compatible servers differ, and one odd item must not take a
// page down: an item that does not fit is skipped (and counted), the rest are shown. Only the
// fields Hublink reads are checked; anything else in an item is ignored.

const login = z.object({ login: z.string() });

export const repositoryAnswer = z.object({
  full_name: z.string().min(1),
  name: z.string().min(1),
  owner: login,
  html_url: z.string(),
  description: z.string().nullish(),
  private: z.boolean(),
  language: z.string().nullish(),
  stargazers_count: z.number().optional(),
  updated_at: z.string().nullish(),
});

const label = z.union([z.string(), z.object({ name: z.string().optional(), color: z.string().nullish() })]);

/** An issue from /repos/{o}/{r}/issues or /search/issues (pull requests carry a `pull_request` key). */
export const issueAnswer = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  html_url: z.string(),
  repository_url: z.string().regex(/\/repos\/[^/]+\/[^/]+$/),
  user: login.nullable(),
  state: z.string(),
  labels: z.array(label).catch([]),
  assignees: z.array(login).nullish().catch(null),
  comments: z.number().catch(0),
  created_at: z.string(),
  pull_request: z.unknown().optional(),
  draft: z.boolean().optional(),
});

export const pullAnswer = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  html_url: z.string(),
  user: login.nullable(),
  state: z.string(),
  draft: z.boolean().optional(),
  created_at: z.string(),
  head: z.object({
    ref: z.string(),
    sha: z.string(),
    label: z.string(),
    repo: z.object({ full_name: z.string() }).nullable(),
  }),
  base: z.object({ ref: z.string() }),
  requested_reviewers: z.array(z.unknown()).nullish(),
});

/** /search/issues: the items are checked one by one (issueAnswer). */
export const searchAnswer = z.object({ total_count: z.number(), items: z.array(z.unknown()) });

export const reviewAnswer = z.object({ user: login.nullable(), state: z.string() });

export const combinedStatusAnswer = z.object({ state: z.string(), total_count: z.number() });

export type RepositoryAnswer = z.infer<typeof repositoryAnswer>;
export type IssueAnswer = z.infer<typeof issueAnswer>;
export type PullAnswer = z.infer<typeof pullAnswer>;

/** The items that fit `schema`, and how many did not. A non-array answer counts as one bad item. */
export function parseEach<T extends z.ZodType>(schema: T, answer: unknown): { items: z.infer<T>[]; skipped: number } {
  if (!Array.isArray(answer)) return { items: [], skipped: 1 };
  const items: z.infer<T>[] = [];
  for (const item of answer) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
  }
  return { items, skipped: answer.length - items.length };
}
