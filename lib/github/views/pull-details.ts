import "server-only";
import type { GitHubClient } from "../client";
import { readChecks } from "./ci-state";
import { mapBounded } from "./repository-work";
import { summarizeReviews, type Issue, type PullDetails } from "./work-items";

// Review state and CI for pull requests found by search (which carries neither): per pull request
// one read of the pull request (head commit, requested reviewers), then its reviews and CI side by
// side — at most DETAIL_CONCURRENCY pull requests at once, for at most one page of results.

/** Pull requests looked up at once; GitHub asks integrations to avoid many concurrent requests. */
const DETAIL_CONCURRENCY = 8;

export async function pullDetails(
  github: GitHubClient,
  owner: string,
  repo: string,
  pull: { number: number; headSha: string; requestedReviewers: number },
): Promise<PullDetails> {
  const [reviews, checks] = await Promise.all([
    github.rest.pulls.listReviews({ owner, repo, pull_number: pull.number, per_page: 100 }),
    readChecks(github, owner, repo, pull.headSha),
  ]);
  return { review: summarizeReviews(reviews.data, pull.requestedReviewers), checks };
}

/** The pull requests among `items` with their review state and CI filled in. */
export async function withPullDetails(github: GitHubClient, items: Issue[]): Promise<Issue[]> {
  return mapBounded(items, DETAIL_CONCURRENCY, async (item) => {
    const [owner, repo] = item.repository.split("/");
    if (!item.isPullRequest || !owner || !repo) return item;
    const { data } = await github.rest.pulls.get({ owner, repo, pull_number: item.number });
    const details = await pullDetails(github, owner, repo, {
      number: item.number,
      headSha: data.head.sha,
      requestedReviewers: data.requested_reviewers?.length ?? 0,
    });
    return { ...item, pullDetails: details };
  });
}
