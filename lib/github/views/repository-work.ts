import "server-only";
import { githubFor, type GitHubClient } from "../client";
import { pageInfoFromLink } from "../api/pagination";
import { readChecks } from "./ci-state";
import { summarizeReviews, toIssue, type Issue, type Listing, type PullRequest, type ItemState } from "./work-items";

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
  const items = data.map(toIssue).filter((issue) => !issue.isPullRequest);
  return { items, ...pageInfoFromLink(headers.link, page), total: null };
}

export async function listRepositoryPulls(
  userId: string,
  { owner, repo, state, page }: Where,
): Promise<Listing<PullRequest>> {
  const github = githubFor(userId);
  const { data, headers } = await github.rest.pulls.list({ owner, repo, state, per_page: PULLS_PAGE_SIZE, page });
  const details = await mapBounded(data, DETAIL_CONCURRENCY, (pull) =>
    pullDetails(github, owner, repo, pull.number, pull.head.sha),
  );
  const items = data.map((pull, i): PullRequest => ({
    id: pull.id,
    number: pull.number,
    title: pull.title,
    htmlUrl: pull.html_url,
    author: pull.user?.login ?? null,
    authorAvatarUrl: pull.user?.avatar_url ?? null,
    // A fork's branch is shown as owner:branch, as GitHub does.
    head: pull.head.repo && pull.head.repo.full_name !== `${owner}/${repo}` ? pull.head.label : pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft ?? false,
    state: pull.state === "closed" ? "closed" : "open",
    merged: Boolean(pull.merged_at),
    createdAt: new Date(pull.created_at),
    review: summarizeReviews(details[i]?.reviews ?? [], pull.requested_reviewers?.length ?? 0),
    checks: details[i]?.checks ?? { state: "none", sources: [] },
  }));
  return { items, ...pageInfoFromLink(headers.link, page), total: null };
}

async function pullDetails(github: GitHubClient, owner: string, repo: string, pullNumber: number, sha: string) {
  const [reviews, checks] = await Promise.all([
    github.rest.pulls.listReviews({ owner, repo, pull_number: pullNumber, per_page: 100 }),
    readChecks(github, owner, repo, sha),
  ]);
  return { reviews: reviews.data, checks };
}

/** Promise.all with at most `limit` tasks in flight. */
export async function mapBounded<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
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
