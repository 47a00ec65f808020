import { isGitHubAppToken, tokenCanRead } from "./access";
import type { Issue, Repo } from "./model";
import { error, ok, paginate, type RestResult, type RestRoute } from "./rest";
import { searchItemJson } from "./shapes";
import type { EmulatorState } from "./state";

// GET /search/issues — the common qualifiers (see README), with GitHub's own rate-limit resource "search".

const SEARCH_DOCS = "https://docs.github.com/rest/search/search#search-issues-and-pull-requests";

interface Query {
  kind?: "pr" | "issue";
  state?: "open" | "closed";
  merged?: boolean;
  draft?: boolean;
  author: string[];
  assignee: string[];
  reviewRequested: string[];
  involves: string[];
  repos: string[];
  owners: string[];
  labels: string[];
  words: string[];
}

export function parseSearchQuery(q: string, me: string | undefined): Query {
  const out: Query = {
    author: [],
    assignee: [],
    reviewRequested: [],
    involves: [],
    repos: [],
    owners: [],
    labels: [],
    words: [],
  };
  const tokens = q.match(/(?:[^\s"]+:)?"[^"]*"|\S+/g) ?? [];
  for (const raw of tokens) {
    const m = /^([a-z-]+):(.+)$/i.exec(raw);
    if (!m) {
      out.words.push(raw.replace(/"/g, "").toLowerCase());
      continue;
    }
    const key = (m[1] ?? "").toLowerCase();
    let value = (m[2] ?? "").replace(/"/g, "");
    if (value === "@me" && me) value = me;
    const lower = value.toLowerCase();
    if ((key === "is" || key === "type") && (lower === "pr" || lower === "pull-request")) out.kind = "pr";
    else if ((key === "is" || key === "type") && lower === "issue") out.kind = "issue";
    else if ((key === "is" || key === "state") && (lower === "open" || lower === "closed")) out.state = lower;
    else if (key === "is" && lower === "merged") out.merged = true;
    else if (key === "is" && lower === "unmerged") out.merged = false;
    else if (key === "draft") out.draft = lower === "true";
    else if (key === "author") out.author.push(lower);
    else if (key === "assignee") out.assignee.push(lower);
    else if (key === "review-requested") out.reviewRequested.push(lower);
    else if (key === "involves" || key === "mentions" || key === "commenter") out.involves.push(lower);
    else if (key === "repo") out.repos.push(lower);
    else if (key === "user" || key === "org") out.owners.push(lower);
    else if (key === "label") out.labels.push(lower);
    // Other qualifiers (archived:, sort:, in: …) do not narrow the seeded data; they are accepted and ignored.
  }
  return out;
}

const lowerAll = (xs: string[]) => xs.map((x) => x.toLowerCase());

function matches(q: Query, repo: Repo, i: Issue): boolean {
  if (q.kind === "pr" && !i.pull) return false;
  if (q.kind === "issue" && i.pull) return false;
  if (q.state && i.state !== q.state) return false;
  if (q.merged !== undefined && (Boolean(i.pull?.mergedAt) !== q.merged || !i.pull)) return false;
  if (q.draft !== undefined && (i.pull?.draft ?? false) !== q.draft) return false;
  const assignees = lowerAll(i.assignees);
  const reviewers = lowerAll(i.pull?.requestedReviewers ?? []);
  if (q.author.some((a) => i.user.toLowerCase() !== a)) return false;
  if (q.assignee.some((a) => !assignees.includes(a))) return false;
  if (q.reviewRequested.some((a) => !reviewers.includes(a))) return false;
  const involved = new Set([
    i.user.toLowerCase(),
    ...assignees,
    ...reviewers,
    ...lowerAll(i.pull?.reviews.map((r) => r.user) ?? []),
  ]);
  if (q.involves.some((a) => !involved.has(a))) return false;
  if (q.repos.length && !q.repos.includes(`${repo.owner}/${repo.name}`.toLowerCase())) return false;
  if (q.owners.length && !q.owners.includes(repo.owner.toLowerCase())) return false;
  if (q.labels.some((l) => !lowerAll(i.labels).includes(l))) return false;
  const title = i.title.toLowerCase();
  return q.words.every((w) => title.includes(w));
}

export function searchIssues(
  state: EmulatorState,
  q: Query,
  canRead: (repo: Repo) => boolean,
): { repo: Repo; issue: Issue }[] {
  const out: { repo: Repo; issue: Issue }[] = [];
  // Narrow by repo/owner first so a query for one repository does not build every big repository's issues.
  const repos = state.world.repos.filter(
    (r) =>
      (!q.repos.length || q.repos.includes(`${r.owner}/${r.name}`.toLowerCase())) &&
      (!q.owners.length || q.owners.includes(r.owner.toLowerCase())),
  );
  for (const repo of repos) {
    if (!canRead(repo)) continue;
    for (const issue of state.issuesOf(repo)) if (matches(q, repo, issue)) out.push({ repo, issue });
  }
  return out;
}

export const searchIssuesRoute: RestRoute = {
  auth: "optional",
  resource: "search",
  handler: (r): RestResult => {
    const raw = r.query.get("q")?.trim();
    if (!raw) {
      return error(422, "Validation Failed", SEARCH_DOCS, {
        errors: [{ resource: "Search", field: "q", code: "missing" }],
      });
    }
    const q = parseSearchQuery(raw, r.token?.login);
    if (r.token && isGitHubAppToken(r.state, r.token) && !q.kind) {
      return error(422, "Query must include 'is:issue' or 'is:pull-request'", SEARCH_DOCS);
    }
    const found = searchIssues(r.state, q, (repo) => tokenCanRead(r.state, r.token, repo));
    const sort = r.query.get("sort");
    const desc = (r.query.get("order") ?? "desc") !== "asc";
    const key = (x: { issue: Issue }): string | number =>
      sort === "comments" ? x.issue.comments : sort === "updated" ? x.issue.updatedAt : x.issue.createdAt;
    found.sort((a, b) => {
      const ka = key(a),
        kb = key(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : a.issue.id - b.issue.id;
      return desc ? -c : c;
    });
    // GitHub serves at most the first 1,000 results of any search.
    const { page, headers } = paginate(r, found.slice(0, 1000));
    return ok(
      {
        total_count: found.length,
        incomplete_results: false,
        search_type: "lexical",
        items: page.map((x) => searchItemJson(r.state, x.repo, x.issue)),
      },
      headers,
    );
  },
};
