import "server-only";
import { githubFor, type GitHubClient } from "../client";
import { pageInfoFromLink } from "../api/pagination";
import { GitHubConnectionError } from "../api/errors";
import { combinedStatusAnswer, issueAnswer, parseEach, pullAnswer, reviewAnswer } from "./answers";
import {
  summarizeReviews,
  toCheckState,
  toIssue,
  type CheckState,
  type Issue,
  type ItemState,
  type Listing,
  type PullRequest,
  type ReviewState,
} from "./work-items";

// A repository's open (or closed) issues and pull requests, a page at a time.

export const ISSUES_PAGE_SIZE = 30;
export const PULLS_PAGE_SIZE = 20;
/** Review and CI look-ups per pull request run side by side, at most this many at once. */
const DETAIL_CONCURRENCY = 8;

type Where = { owner: string; repo: string; state: ItemState; page: number };

/** GitHub's issues endpoint includes pull requests; the issues view does not. */
export async function listRepositoryIssues(
  userId: string,
  { owner, repo, state, page }: Where,
): Promise<Listing<Issue>> {
  const { data, headers } = await githubFor(userId).rest.issues.listForRepo({
    owner,
    repo,
    state,
    per_page: ISSUES_PAGE_SIZE,
    page,
  });
  const { items, skipped } = parseEach(issueAnswer, data);
  return {
    items: items.map(toIssue).filter((issue) => !issue.isPullRequest),
    skipped,
    ...pageInfoFromLink(headers.link, page),
    total: null,
  };
}

export async function listRepositoryPulls(
  userId: string,
  { owner, repo, state, page }: Where,
): Promise<Listing<PullRequest>> {
  const github = githubFor(userId);
  const { data, headers } = await github.rest.pulls.list({ owner, repo, state, per_page: PULLS_PAGE_SIZE, page });
  const { items: pulls, skipped } = parseEach(pullAnswer, data);
  const details = await mapBounded(pulls, DETAIL_CONCURRENCY, (pull) =>
    pullDetails(github, owner, repo, pull, pull.head.sha),
  );
  const items = pulls.map((pull, i): PullRequest => ({
    id: pull.id,
    number: pull.number,
    title: pull.title,
    htmlUrl: pull.html_url,
    author: pull.user?.login ?? null,
    // A fork's branch is shown as owner:branch, as GitHub does.
    head: pull.head.repo && pull.head.repo.full_name !== `${owner}/${repo}` ? pull.head.label : pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft ?? false,
    state: pull.state === "closed" ? "closed" : "open",
    createdAt: new Date(pull.created_at),
    review: details[i]?.reviews ?? "unavailable",
    checks: details[i]?.checks ?? "unavailable",
  }));
  return { items, skipped, ...pageInfoFromLink(headers.link, page), total: null };
}

/**
 * A pull request's review and CI summary: two look-ups, each of which may fail on its own (a server
 * without the endpoint, a token without the permission, GitHub down) — a failed one is
 * "unavailable" for this pull request, never a failed list. A revoked connection still fails the
 * list, so the page can send the person to reconnect.
 */
async function pullDetails(
  github: GitHubClient,
  owner: string,
  repo: string,
  pull: { number: number; requested_reviewers?: unknown[] | null },
  sha: string,
): Promise<{ reviews: ReviewState; checks: CheckState }> {
  const [reviews, status] = await Promise.allSettled([
    github.rest.pulls.listReviews({ owner, repo, pull_number: pull.number, per_page: 100 }),
    github.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha }),
  ]);
  for (const outcome of [reviews, status]) {
    if (outcome.status === "rejected" && outcome.reason instanceof GitHubConnectionError) throw outcome.reason;
  }
  const combined = status.status === "fulfilled" ? combinedStatusAnswer.safeParse(status.value.data) : null;
  return {
    reviews:
      reviews.status === "fulfilled"
        ? summarizeReviews(parseEach(reviewAnswer, reviews.value.data).items, pull.requested_reviewers?.length ?? 0)
        : "unavailable",
    checks: combined?.success ? toCheckState(combined.data) : "unavailable",
  };
}

/** Promise.all with at most `limit` tasks in flight. */
async function mapBounded<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
