import { z } from "zod";

// GitHub's answers, parsed at the loader before anything is shaped for a page. GitHub, GitHub
// Enterprise Server versions and GitHub-compatible servers differ, and one odd item must not take a
// page down: an item that does not fit is skipped (and counted), the rest are shown. Only the
// fields Hublink reads are checked; anything else in an item is ignored.

const login = z.object({ login: z.string() });
const person = z.object({ login: z.string(), avatar_url: z.string().optional().catch(undefined) });

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
  user: person.nullable(),
  state: z.string(),
  state_reason: z.string().nullish().catch(null),
  labels: z.array(label).catch([]),
  assignees: z.array(person).nullish().catch(null),
  comments: z.number().catch(0),
  created_at: z.string(),
  // Present on pull requests (search results carry merged_at in it).
  pull_request: z.looseObject({ merged_at: z.string().nullish().catch(null) }).nullish(),
  draft: z.boolean().optional(),
});

export const pullAnswer = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  html_url: z.string(),
  user: person.nullable(),
  state: z.string(),
  draft: z.boolean().optional(),
  merged_at: z.string().nullish().catch(null),
  created_at: z.string(),
  head: z.object({
    ref: z.string(),
    sha: z.string(),
    label: z.string(),
    repo: z.object({ full_name: z.string() }).nullable(),
  }),
  base: z.object({ ref: z.string() }),
  requested_reviewers: z.array(z.unknown()).nullish().catch(null),
  // A review asked of a team (CODEOWNERS asks teams) is a pending request as much as a person's.
  requested_teams: z.array(z.unknown()).nullish().catch(null),
});

/** /search/issues: the items are checked one by one (issueAnswer). */
export const searchAnswer = z.object({ total_count: z.number(), items: z.array(z.unknown()) });

/** A run of GET /repos/{o}/{r}/commits/{ref}/check-runs (Octokit's paginate gathers them from each page). */
export const checkRunAnswer = z.object({
  name: z.string(),
  status: z.string(),
  conclusion: z.string().nullable(),
  app: z.object({ name: z.string() }).nullish().catch(null),
});

/** GET /repos/{o}/{r}/commits/{ref}/status: the statuses are checked one by one (commitStatusAnswer). */
export const combinedStatusAnswer = z.object({
  statuses: z.array(z.unknown()),
  total_count: z.number().optional().catch(undefined),
});
export const commitStatusAnswer = z.object({ context: z.string(), state: z.string() });

export const reviewAnswer = z.object({ user: login.nullable(), state: z.string() });

export type RepositoryAnswer = z.infer<typeof repositoryAnswer>;
export type IssueAnswer = z.infer<typeof issueAnswer>;
export type PullAnswer = z.infer<typeof pullAnswer>;

/** Reviews still asked of people and teams. */
export function requestedReviewersOf(pull: Pick<PullAnswer, "requested_reviewers" | "requested_teams">): number {
  return (pull.requested_reviewers?.length ?? 0) + (pull.requested_teams?.length ?? 0);
}

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
