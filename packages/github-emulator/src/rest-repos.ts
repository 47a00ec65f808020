import { appMayRead, tokenCanRead } from "./access";
import type { Issue, Repo } from "./model";
import {
  notAccessibleByIntegration,
  notFound,
  ok,
  paginate,
  validationFailed,
  type RestRequest,
  type RestResult,
  type RestRoute,
} from "./rest";
import { sha } from "./seed";
import { fullRepository, issueJson, pullSimpleJson, repository, userByLogin } from "./shapes";

// /repos/{owner}/{repo} and what hangs below it. A private repository the token cannot see is 404.

export function visibleRepo(r: RestRequest): Repo | undefined {
  const repo = r.state.repo(r.params.owner ?? "", r.params.repo ?? "");
  return repo && tokenCanRead(r.state, r.token, repo) ? repo : undefined;
}

/** Sort keys of GitHub's issue and pull lists; popularity means comment count here, long-running means age. */
function sortIssues(list: Issue[], sort: string, direction: string): Issue[] {
  const key = (i: Issue): string | number =>
    sort === "updated" ? i.updatedAt : sort === "comments" || sort === "popularity" ? i.comments : i.createdAt;
  // long-running lists the oldest first when sorted "desc" by age, i.e. ascending creation time.
  const flip = sort === "long-running" ? -1 : 1;
  return [...list].sort((a, b) => {
    const ka = key(a),
      kb = key(b);
    const c = (ka < kb ? -1 : ka > kb ? 1 : a.number - b.number) * flip;
    return direction === "asc" ? c : -c;
  });
}

export const getRepo: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const repo = visibleRepo(r);
    return repo ? ok(fullRepository(r.state, repo, r.token?.login)) : notFound();
  },
};

/** The repository an issue or pull list is about, and its `state` filter — or GitHub's error. */
function repoAndState(r: RestRequest): { repo: Repo; state: string } | RestResult {
  const repo = visibleRepo(r);
  if (!repo) return notFound();
  const state = r.query.get("state") ?? "open";
  if (!["open", "closed", "all"].includes(state)) return validationFailed("Validation Failed");
  return { repo, state };
}

export const listRepoIssues: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r): RestResult => {
    const listed = repoAndState(r);
    if ("status" in listed) return listed;
    const { repo, state } = listed;
    const q = r.query;
    const labels = (q.get("labels") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const assignee = q.get("assignee");
    const creator = q.get("creator");
    const since = q.get("since");
    let list = r.state.issuesOf(repo).filter((i) => state === "all" || i.state === state);
    if (labels.length) list = list.filter((i) => labels.every((l) => i.labels.includes(l)));
    if (assignee === "none") list = list.filter((i) => i.assignees.length === 0);
    else if (assignee === "*") list = list.filter((i) => i.assignees.length > 0);
    else if (assignee) list = list.filter((i) => i.assignees.includes(assignee));
    if (creator) list = list.filter((i) => i.user === creator);
    if (since) list = list.filter((i) => i.updatedAt >= since);
    const sorted = sortIssues(list, q.get("sort") ?? "created", q.get("direction") ?? "desc");
    const { page, headers } = paginate(r, sorted);
    return ok(
      page.map((i) => issueJson(r.state, repo, i)),
      headers,
    );
  },
};

export const listPulls: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r): RestResult => {
    const listed = repoAndState(r);
    if ("status" in listed) return listed;
    const { repo, state } = listed;
    const q = r.query;
    const head = q.get("head");
    const base = q.get("base");
    let list = r.state.issuesOf(repo).filter((i) => i.pull && (state === "all" || i.state === state));
    if (head) {
      const [owner, ref] = head.includes(":") ? head.split(":", 2) : [repo.owner, head];
      list = list.filter((i) => {
        const h = i.pull?.head ?? "";
        const [hOwner, hRef] = h.includes(":") ? h.split(":", 2) : [repo.owner, h];
        return hOwner === owner && (ref === undefined || hRef === ref);
      });
    }
    if (base) list = list.filter((i) => i.pull?.base === base);
    const sort = q.get("sort") ?? "created";
    const direction = q.get("direction") ?? "desc";
    const { page, headers } = paginate(r, sortIssues(list, sort, direction));
    return ok(
      page.map((i) => pullSimpleJson(r.state, repo, i, r.token?.login)),
      headers,
    );
  },
};

export const listReviews: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const repo = visibleRepo(r);
    const pull = repo && r.state.issuesOf(repo).find((i) => i.pull && String(i.number) === r.params.pull_number);
    if (!repo || !pull?.pull) return notFound();
    const p = pull.pull;
    const prUrl = `${r.state.baseUrl}/api/v3/repos/${repo.owner}/${repo.name}/pulls/${pull.number}`;
    const html = `${r.state.baseUrl}/${repo.owner}/${repo.name}/pull/${pull.number}`;
    const reviews = p.reviews.map((rv) => ({
      id: rv.id,
      node_id: Buffer.from(`PullRequestReview:${rv.id}`).toString("base64"),
      user: userByLogin(r.state, rv.user),
      body:
        rv.state === "APPROVED"
          ? "Looks good to me."
          : rv.state === "CHANGES_REQUESTED"
            ? "Please fix the tests."
            : "A few thoughts.",
      state: rv.state,
      html_url: `${html}#pullrequestreview-${rv.id}`,
      pull_request_url: prUrl,
      _links: { html: { href: `${html}#pullrequestreview-${rv.id}` }, pull_request: { href: prUrl } },
      submitted_at: rv.submittedAt,
      commit_id: p.headSha,
      author_association: rv.user === repo.owner ? "OWNER" : "COLLABORATOR",
    }));
    const { page, headers } = paginate(r, reviews);
    return ok(page, headers);
  },
};

/** The commit `{ref}` names (a sha or a branch) and the pull request whose head it is, if any. */
export function commitForRef(r: RestRequest, repo: Repo): { pull: Issue | undefined; commitSha: string } {
  const ref = r.params.ref ?? "";
  const pull = r.state
    .issuesOf(repo)
    .find((i) => i.pull && (i.pull.headSha === ref || i.pull.head === ref || i.pull.head.split(":")[1] === ref));
  const commitSha =
    pull?.pull?.headSha ?? (/^[0-9a-f]{40}$/.test(ref) ? ref : sha(`${repo.owner}/${repo.name}:${ref}`));
  return { pull, commitSha };
}

function combinedState(states: string[]): string {
  if (states.some((s) => s === "failure" || s === "error")) return "failure";
  if (states.length === 0 || states.some((s) => s === "pending")) return "pending";
  return "success";
}

export const getCombinedStatus: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const repo = visibleRepo(r);
    if (!repo) return notFound();
    if (!appMayRead(r.state, r.token, repo, "statuses")) return notAccessibleByIntegration();
    const { pull, commitSha } = commitForRef(r, repo);
    const api = `${r.state.baseUrl}/api/v3/repos/${repo.owner}/${repo.name}`;
    const statuses = (pull?.pull?.statuses ?? []).map((st) => ({
      url: `${api}/statuses/${commitSha}`,
      avatar_url: `${r.state.baseUrl}/avatars/ci.png`,
      id: st.id,
      node_id: Buffer.from(`StatusContext:${st.id}`).toString("base64"),
      state: st.state,
      description: st.description,
      target_url: `${r.state.baseUrl}/${repo.owner}/${repo.name}/actions/runs/${st.id}`,
      context: st.context,
      created_at: pull?.updatedAt ?? repo.updatedAt,
      updated_at: pull?.updatedAt ?? repo.updatedAt,
    }));
    const full = repository(r.state, repo);
    const minimal = Object.fromEntries(Object.entries(full).filter(([k]) => !["permissions"].includes(k)));
    // The state covers every context; the statuses come a page at a time (per_page, page, Link).
    const { page, headers } = paginate(r, statuses);
    return ok(
      {
        state: combinedState(statuses.map((s) => s.state)),
        statuses: page,
        sha: commitSha,
        total_count: statuses.length,
        repository: minimal,
        commit_url: `${api}/commits/${commitSha}`,
        url: `${api}/commits/${commitSha}/status`,
      },
      headers,
    );
  },
};

function findNumbered(r: RestRequest, key: "issue_number" | "pull_number"): { repo: Repo; issue: Issue } | undefined {
  const repo = visibleRepo(r);
  const issue = repo && r.state.issuesOf(repo).find((i) => String(i.number) === r.params[key]);
  return repo && issue ? { repo, issue } : undefined;
}

export const getIssue: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const hit = findNumbered(r, "issue_number");
    return hit ? ok(issueJson(r.state, hit.repo, hit.issue)) : notFound();
  },
};

/** GET /repos/{owner}/{repo}/pulls/{pull_number}: the list shape plus merge and size details. */
export const getPull: RestRoute = {
  auth: "optional",
  acceptedScopes: "repo",
  handler: (r) => {
    const hit = findNumbered(r, "pull_number");
    if (!hit?.issue.pull) return notFound();
    const { repo, issue } = hit;
    const pull = issue.pull;
    if (!pull) return notFound();
    const merged = pull.mergedAt !== null;
    const mergedBy = merged ? userByLogin(r.state, repo.owner) : null;
    return ok({
      ...pullSimpleJson(r.state, repo, issue, r.token?.login),
      merged,
      mergeable: issue.state === "open" ? true : null,
      rebaseable: issue.state === "open" ? true : null,
      mergeable_state: pull.draft ? "draft" : issue.state === "open" ? "clean" : "unknown",
      merged_by: mergedBy,
      comments: issue.comments,
      review_comments: pull.reviews.length,
      maintainer_can_modify: false,
      commits: 1 + (issue.number % 4),
      additions: 10 * issue.number,
      deletions: 3 * issue.number,
      changed_files: 1 + (issue.number % 5),
    });
  },
};
