import type { Account, CheckRunState, PullInfo, Repo } from "./model";
import { appMayRead } from "./access";
import { notAccessibleByIntegration, notFound, ok, paginate, validationFailed, type RestRoute } from "./rest";
import { commitForRef, visibleRepo } from "./rest-repos";
import type { EmulatorState } from "./state";
import { simpleUser } from "./shapes";

// GET /repos/{owner}/{repo}/commits/{ref}/check-runs: the Checks API, through which GitHub Actions
// (and most modern CI) reports. Every seeded run belongs to the GitHub Actions app, as on github.com.

const GITHUB: Account = {
  id: 9919000,
  login: "github",
  type: "Organization",
  name: "GitHub",
  email: null,
  company: null,
  location: null,
  bio: null,
  followers: 0,
  following: 0,
  createdAt: "2008-05-11T04:37:31Z",
};

function githubActionsApp(s: EmulatorState) {
  return {
    id: 15368,
    slug: "github-actions",
    node_id: "MDM6QXBwMTUzNjg=",
    owner: simpleUser(s, GITHUB),
    name: "GitHub Actions",
    description: "Automate your workflow from idea to production",
    external_url: "https://help.github.com/en/actions",
    html_url: `${s.baseUrl}/apps/github-actions`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2019-12-10T19:04:12Z",
    permissions: { actions: "write", checks: "write", metadata: "read", statuses: "write" },
    events: ["check_run", "check_suite", "pull_request", "push"],
  };
}

const RUNNING: CheckRunState[] = ["in_progress", "queued"];

function checkRunJson(s: EmulatorState, repo: Repo, commitSha: string, run: PullInfo["checkRuns"][number]) {
  const api = `${s.baseUrl}/api/v3/repos/${repo.owner}/${repo.name}`;
  const html = `${s.baseUrl}/${repo.owner}/${repo.name}/actions/runs/${run.id}/job/${run.id}`;
  const completed = !RUNNING.includes(run.state);
  return {
    id: run.id,
    head_sha: commitSha,
    node_id: Buffer.from(`CheckRun:${run.id}`).toString("base64"),
    external_id: String(run.id),
    url: `${api}/check-runs/${run.id}`,
    html_url: html,
    details_url: html,
    status: completed ? "completed" : run.state,
    conclusion: completed ? run.state : null,
    started_at: run.startedAt,
    completed_at: completed ? run.startedAt : null,
    output: {
      title: completed ? `${run.name}: ${run.state}` : null,
      summary: completed ? `The ${run.name} job finished: ${run.state}.` : null,
      text: null,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: githubActionsApp(s),
    pull_requests: [],
  };
}

export const listCheckRunsForRef: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const repo = visibleRepo(r);
    if (!repo) return notFound();
    if (!appMayRead(r.state, r.token, repo, "checks")) return notAccessibleByIntegration();
    const status = r.query.get("status");
    if (status && !["queued", "in_progress", "completed"].includes(status))
      return validationFailed("Validation Failed");
    const { pull, commitSha } = commitForRef(r, repo);
    const name = r.query.get("check_name");
    const runs = (pull?.pull?.checkRuns ?? [])
      .map((run) => checkRunJson(r.state, repo, commitSha, run))
      .filter((run) => (!name || run.name === name) && (!status || run.status === status));
    const { page, headers } = paginate(r, runs);
    return ok({ total_count: runs.length, check_runs: page }, headers);
  },
};
