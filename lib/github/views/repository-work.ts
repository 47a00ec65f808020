import "server-only";
import { githubFor } from "../client";
import { pageInfoFromLink } from "../api/pagination";
import { issueAnswer, parseEach, pullAnswer, requestedReviewersOf } from "./answers";
import { mapBounded } from "../api/bounded";
import { DETAIL_CONCURRENCY, pullDetails, UNAVAILABLE_DETAILS } from "./pull-details";
import { toIssue, type Issue, type ItemState, type Listing, type PullRequest } from "./work-items";

// A repository's open (or closed) issues and pull requests, a page at a time.

export const ISSUES_PAGE_SIZE = 30;
export const PULLS_PAGE_SIZE = 20;

type Where = { owner: string; repo: string; state: ItemState; page: number };

/**
 * A page of a repository's issues, and how many pull requests GitHub's page held besides them: a
 * page of only pull requests is still a page of the list (more may follow), not one past its end.
 */
export type RepositoryIssues = Listing<Issue> & { pullRequests: number };

/** GitHub's issues endpoint includes pull requests; the issues view does not. */
export async function listRepositoryIssues(
  userId: string,
  { owner, repo, state, page }: Where,
): Promise<RepositoryIssues> {
  const { data, headers } = await githubFor(userId).rest.issues.listForRepo({
    owner,
    repo,
    state,
    per_page: ISSUES_PAGE_SIZE,
    page,
  });
  const { items, skipped } = parseEach(issueAnswer, data);
  const issues = items.map(toIssue).filter((issue) => !issue.isPullRequest);
  return {
    items: issues,
    pullRequests: items.length - issues.length,
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
    pullDetails(github, owner, repo, {
      number: pull.number,
      headSha: pull.head.sha,
      requestedReviewers: requestedReviewersOf(pull),
    }),
  );
  const items = pulls.map((pull, i): PullRequest => ({
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
    review: details[i]?.review ?? UNAVAILABLE_DETAILS.review,
    checks: details[i]?.checks ?? UNAVAILABLE_DETAILS.checks,
  }));
  return { items, skipped, ...pageInfoFromLink(headers.link, page), total: null };
}
