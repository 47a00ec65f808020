import "server-only";
import { httpStatusOf } from "../api/errors";
import type { GitHubClient } from "../client";
import { checkRunAnswer, combinedStatusAnswer, commitStatusAnswer, parseEach } from "./answers";
import type { CheckSource, CheckState, Checks } from "./work-items";

// A commit's CI as GitHub's own pull request list shows it: check runs (the Checks API, through which
// GitHub Actions and most modern CI report) and commit statuses (older integrations) combined into
// one state. Two calls per commit, side by side.

/**
 * A check run's status and conclusion in one word. Neutral, skipped and stale runs do not fail a
 * commit. A completed run is never pending, whatever its conclusion.
 */
export function checkRunState(run: { status: string; conclusion: string | null }): CheckState {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
    // Grey on GitHub: neither failing nor a result of their own. GitHub concludes "stale" a run it
    // considers outdated (one left incomplete too long); only GitHub sets it.
    case "neutral":
    case "skipped":
    case "stale":
      return "success";
    case "failure":
    case "cancelled":
    case "timed_out":
    case "action_required":
    case "startup_failure":
      return "failure";
    default:
      // A conclusion newer than this list: the run has finished, so it waits for nothing. GitHub
      // lets only success, neutral and skipped pass a required check and blocks merging on
      // anything else, so it counts as failing rather than passing unseen.
      return "failure";
  }
}

/** A commit status's state in one word ("error" fails like "failure"). */
export function statusState(state: string): CheckState {
  if (state === "success") return "success";
  return state === "failure" || state === "error" ? "failure" : "pending";
}

/** Any failure fails; else anything still running is pending; no sources at all is "none". */
export function combineChecks(sources: CheckSource[]): Checks {
  const states = new Set(sources.map((s) => s.state));
  const state: CheckState = states.has("failure")
    ? "failure"
    : states.has("pending")
      ? "pending"
      : states.has("success")
        ? "success"
        : "none";
  return { state, sources };
}

/**
 * Check runs where a server has no Checks API (GitHub-compatible servers, older GitHub Enterprise
 * Server answer 404): no runs. Any other failure — a 403 for an App without "Checks: read", GitHub
 * down — is thrown, and the pull request's CI shows as unavailable rather than as "no checks".
 */
async function checkRunsOrNone(load: Promise<unknown[]>): Promise<unknown[]> {
  try {
    return await load;
  } catch (error) {
    if (httpStatusOf(error) === 404) return [];
    throw error;
  }
}

/** GitHub's largest page, and at most this many pages of a commit's statuses (one per context). */
const PER_PAGE = 100;
const STATUS_PAGES = 10;

/**
 * Every commit status of a ref, the latest of each context. The combined status answer names how
 * many there are (total_count) but Octokit's paginate cannot gather it (its list sits beside the
 * combined state), so the pages after the first are asked for side by side.
 */
async function commitStatuses(github: GitHubClient, owner: string, repo: string, ref: string): Promise<unknown[]> {
  const page = async (number: number) => {
    // Page 1 without `page`, the URL every earlier read of a single page used.
    const answer = await github.rest.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref,
      per_page: PER_PAGE,
      page: number > 1 ? number : undefined,
    });
    const parsed = combinedStatusAnswer.safeParse(answer.data);
    return parsed.success ? parsed.data : { statuses: [], total_count: 0 };
  };
  const first = await page(1);
  const total = first.total_count ?? 0;
  // A server may serve fewer a page than asked (Gitea and Forgejo: 30, whatever per_page says): a
  // short first page with more to come shows the page size the later pages will have.
  const served = first.statuses.length;
  const pageSize = served > 0 && served < total ? Math.min(served, PER_PAGE) : PER_PAGE;
  const pages = Math.min(Math.ceil(total / pageSize), STATUS_PAGES);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  return [first, ...rest].flatMap((answer) => answer.statuses);
}

export async function readChecks(github: GitHubClient, owner: string, repo: string, ref: string): Promise<Checks> {
  const [runs, statuses] = await Promise.all([
    // Every page: a large matrix build's one failure may be run number 101.
    checkRunsOrNone(github.paginate(github.rest.checks.listForRef, { owner, repo, ref, per_page: PER_PAGE })),
    commitStatuses(github, owner, repo, ref),
  ]);
  return combineChecks([
    ...parseEach(checkRunAnswer, runs).items.map((run) => ({
      name: run.name,
      state: checkRunState(run),
      via: run.app?.name ?? "Checks",
    })),
    ...parseEach(commitStatusAnswer, statuses).items.map((status) => ({
      name: status.context,
      state: statusState(status.state),
      via: "commit status",
    })),
  ]);
}
