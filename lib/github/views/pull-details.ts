import "server-only";
import { GitHubConnectionError } from "../api/errors";
import { stored, type StoredRead } from "../api/response-cache";
import { collectStaleness } from "../api/staleness";
import type { GitHubClient } from "../client";
import { issueAnswer, parseEach, pullAnswer, requestedReviewersOf, reviewAnswer, searchAnswer } from "./answers";
import { concurrencyLimit } from "../api/bounded";
import { readChecks } from "./ci-state";
import { summarizeReviews, toIssue, type Issue, type PullDetails } from "./work-items";

// Review state and CI of pull requests. Each look-up may fail on its own (a server without the
// endpoint, a token without the permission, GitHub down): a failed one is "unavailable" for that
// pull request, never a failed list. A revoked or expired connection still fails the list, so the
// page can send the person to reconnect.

/** Pull requests looked up at once; GitHub asks integrations to avoid many concurrent requests. */
export const DETAIL_CONCURRENCY = 8;

export const UNAVAILABLE_DETAILS: PullDetails = {
  review: "unavailable",
  checks: { state: "unavailable", sources: [] },
};

/** The value, or null when the look-up failed for any reason but the connection itself. */
async function orUnavailable<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof GitHubConnectionError) throw error;
    return null;
  }
}

export async function pullDetails(
  github: GitHubClient,
  owner: string,
  repo: string,
  pull: { number: number; headSha: string; requestedReviewers: number },
): Promise<PullDetails> {
  const [reviews, checks] = await Promise.all([
    // Every page: GitHub lists reviews oldest first, and a busy pull request's latest word may be
    // review number 101.
    orUnavailable(
      github.paginate(github.rest.pulls.listReviews, { owner, repo, pull_number: pull.number, per_page: 100 }),
    ),
    orUnavailable(readChecks(github, owner, repo, pull.headSha)),
  ]);
  return {
    review: reviews ? summarizeReviews(parseEach(reviewAnswer, reviews).items, pull.requestedReviewers) : "unavailable",
    checks: checks ?? UNAVAILABLE_DETAILS.checks,
  };
}

/**
 * The pull requests among `items` (search results, which carry neither review state nor CI), each
 * with its facts to come: finding a pull request's CI takes two more round trips (its head commit,
 * then check runs and statuses), so the list renders as soon as search answers and each pull
 * request's facts stream in after it. Never rejects: a failed look-up — even a connection that has
 * just ended, which the list itself reports — is "unavailable" for that pull request.
 */
export function withPullDetails(github: GitHubClient, items: Issue[]): Issue[] {
  const run = concurrencyLimit(DETAIL_CONCURRENCY);
  return items.map((item) => {
    const [owner, repo] = item.repository.split("/");
    if (!item.isPullRequest || !owner || !repo) return item;
    // Each pull request's facts in their own staleness scope: they arrive after the panel has
    // said whether its list is a stored copy, so a row says it of its own facts.
    const details = run(() =>
      collectStaleness(async () => {
        const answer = await github.rest.pulls.get({ owner, repo, pull_number: item.number });
        const pull = pullAnswer.safeParse(answer.data);
        if (!pull.success) return UNAVAILABLE_DETAILS;
        return pullDetails(github, owner, repo, {
          number: item.number,
          headSha: pull.data.head.sha,
          requestedReviewers: requestedReviewersOf(pull.data),
        });
      }),
    )
      .then(({ value, stale }): PullDetails => (stale ? { ...value, asOf: stale.asOf } : value))
      .catch(() => UNAVAILABLE_DETAILS);
    return { ...item, pullDetails: details };
  });
}

/**
 * Revalidating a pull request list takes three round trips one after another: the search, each
 * pull request (for its head commit), then its reviews, check runs and statuses. When the stored
 * list is past its freshness all of them are about to be asked again, and mostly nothing changed:
 * so the stored list's pull requests, and the CI of their stored head commits, are asked for
 * together with the search. These are the very requests the list makes next, through the same
 * cache, so the list's own look-ups find them in flight (coalesced) or just confirmed (fresh). A
 * guess gone wrong — a new pull request, a new head commit — costs one request; the list's own
 * look-up is then made as always. Never rejects.
 */
export async function revalidateDetailsAhead(
  github: GitHubClient,
  list: { key: string; stored: StoredRead<unknown> },
): Promise<void> {
  // Fifty tabs of one person revalidate the same list at once: one of them asks ahead for all.
  if (aheadInProgress.has(list.key)) return;
  aheadInProgress.add(list.key);
  try {
    const storedList = await stored(list.stored);
    if (!storedList || storedList.fresh) return;
    const answer = searchAnswer.safeParse(storedList.data);
    if (!answer.success) return;
    const pulls = parseEach(issueAnswer, answer.data.items)
      .items.map(toIssue)
      .filter((item) => item.isPullRequest);
    const run = concurrencyLimit(DETAIL_CONCURRENCY);
    await Promise.allSettled(
      pulls.map((item) =>
        run(async () => {
          const [owner = "", repo = ""] = item.repository.split("/");
          const which = { owner, repo, pull_number: item.number };
          const storedPull = pullAnswer.safeParse(
            (await stored((request) => github.rest.pulls.get({ ...which, request })))?.data,
          );
          // What the list will ask next: the pull request, and the details of its stored head commit.
          await Promise.allSettled([
            github.rest.pulls.get(which),
            storedPull.success &&
              pullDetails(github, owner, repo, {
                number: item.number,
                headSha: storedPull.data.head.sha,
                requestedReviewers: 0,
              }),
          ]);
        }),
      ),
    );
  } catch {
    // A guess only: the list's own look-ups report what went wrong.
  } finally {
    aheadInProgress.delete(list.key);
  }
}

/** Lists being revalidated ahead in this process, by person and search. */
const aheadInProgress = new Set<string>();
