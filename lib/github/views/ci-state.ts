import "server-only";
import type { GitHubClient } from "../client";
import type { CheckSource, CheckState, Checks } from "./work-items";

// A commit's CI as GitHub's own pull request list shows it: check runs (the Checks API, through which
// GitHub Actions and most modern CI report) and commit statuses (older integrations) combined into
// one state. Two calls per commit, side by side.

/** A check run's status and conclusion in one word. Neutral and skipped runs do not fail a commit. */
export function checkRunState(run: { status: string; conclusion: string | null }): CheckState {
  if (run.status !== "completed") return "pending";
  switch (run.conclusion) {
    case "success":
    case "neutral":
    case "skipped":
      return "success";
    case "failure":
    case "cancelled":
    case "timed_out":
    case "action_required":
    case "startup_failure":
      return "failure";
    default:
      return "pending";
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
 * Where an endpoint is missing (GitHub-compatible servers, older GitHub Enterprise Server) or not
 * permitted (an App without "Checks: read"), GitHub answers 404 or 403: read that as "no runs".
 */
async function orNothing<T>(load: Promise<T>, nothing: T): Promise<T> {
  try {
    return await load;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) return nothing;
    throw error;
  }
}

export async function readChecks(github: GitHubClient, owner: string, repo: string, ref: string): Promise<Checks> {
  const [runs, statuses] = await Promise.all([
    orNothing(
      github.rest.checks.listForRef({ owner, repo, ref, per_page: 100 }).then((r) => r.data.check_runs),
      [],
    ),
    orNothing(
      github.rest.repos.getCombinedStatusForRef({ owner, repo, ref, per_page: 100 }).then((r) => r.data.statuses),
      [],
    ),
  ]);
  return combineChecks([
    ...runs.map((run) => ({ name: run.name, state: checkRunState(run), via: run.app?.name ?? "Checks" })),
    ...statuses.map((status) => ({ name: status.context, state: statusState(status.state), via: "commit status" })),
  ]);
}
