import { repoPermissions } from "./access";
import type { Account, Installation, Issue, Repo } from "./model";
import { sha } from "./seed";
import type { EmulatorState } from "./state";

// JSON exactly as GitHub's REST API shapes it (checked against @octokit/openapi in schemas.test.ts).

type Json = Record<string, unknown>;
const api = (s: EmulatorState) => `${s.baseUrl}/api/v3`;
const nodeId = (kind: string, id: number) => Buffer.from(`${kind}:${id}`).toString("base64").replace(/=+$/, "");

export function avatarUrl(s: EmulatorState, login: string): string {
  return `${s.baseUrl}/avatars/${encodeURIComponent(login)}.png`;
}

export function simpleUser(s: EmulatorState, a: Account): Json {
  const u = `${api(s)}/users/${a.login}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(a.type, a.id),
    avatar_url: avatarUrl(s, a.login),
    gravatar_id: "",
    url: u,
    html_url: `${s.baseUrl}/${a.login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: a.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function userByLogin(s: EmulatorState, login: string): Json {
  const a = s.account(login);
  if (!a) throw new Error(`unknown account ${login}`);
  return simpleUser(s, a);
}

/** GET /users/{username}, and GET /user without the private fields. */
export function publicUser(s: EmulatorState, a: Account): Json {
  const owned = s.world.repos.filter((r) => r.owner === a.login);
  return {
    ...simpleUser(s, a),
    name: a.name,
    company: a.company,
    blog: "",
    location: a.location,
    email: a.email,
    hireable: null,
    bio: a.bio,
    twitter_username: null,
    public_repos: owned.filter((r) => !r.private).length,
    public_gists: 0,
    followers: a.followers,
    following: a.following,
    created_at: a.createdAt,
    updated_at: a.createdAt,
  };
}

/** GET /user for the token's own user. */
export function privateUser(s: EmulatorState, a: Account): Json {
  const owned = s.world.repos.filter((r) => r.owner === a.login);
  const privateCount = owned.filter((r) => r.private).length;
  return {
    ...publicUser(s, a),
    user_view_type: "private",
    notification_email: a.email,
    private_gists: 0,
    total_private_repos: privateCount,
    owned_private_repos: privateCount,
    disk_usage: owned.length * 128,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

export function repository(s: EmulatorState, r: Repo, viewer?: string): Json {
  const owner = s.account(r.owner);
  if (!owner) throw new Error(`unknown owner ${r.owner}`);
  const full = `${r.owner}/${r.name}`;
  const u = `${api(s)}/repos/${full}`;
  const openIssues =
    s.world.issues.get(r.id)?.filter((i) => i.state === "open").length ??
    (r.lazyIssueCount ? Math.ceil((r.lazyIssueCount * 2) / 3) : 0);
  const json: Json = {
    id: r.id,
    node_id: nodeId("Repository", r.id),
    name: r.name,
    full_name: full,
    private: r.private,
    owner: simpleUser(s, owner),
    html_url: `${s.baseUrl}/${full}`,
    description: r.description,
    fork: false,
    url: u,
    forks_url: `${u}/forks`,
    keys_url: `${u}/keys{/key_id}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    teams_url: `${u}/teams`,
    hooks_url: `${u}/hooks`,
    issue_events_url: `${u}/issues/events{/number}`,
    events_url: `${u}/events`,
    assignees_url: `${u}/assignees{/user}`,
    branches_url: `${u}/branches{/branch}`,
    tags_url: `${u}/tags`,
    blobs_url: `${u}/git/blobs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    trees_url: `${u}/git/trees{/sha}`,
    statuses_url: `${u}/statuses/{sha}`,
    languages_url: `${u}/languages`,
    stargazers_url: `${u}/stargazers`,
    contributors_url: `${u}/contributors`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    commits_url: `${u}/commits{/sha}`,
    git_commits_url: `${u}/git/commits{/sha}`,
    comments_url: `${u}/comments{/number}`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    contents_url: `${u}/contents/{+path}`,
    compare_url: `${u}/compare/{base}...{head}`,
    merges_url: `${u}/merges`,
    archive_url: `${u}/{archive_format}{/ref}`,
    downloads_url: `${u}/downloads`,
    issues_url: `${u}/issues{/number}`,
    pulls_url: `${u}/pulls{/number}`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    labels_url: `${u}/labels{/name}`,
    releases_url: `${u}/releases{/id}`,
    deployments_url: `${u}/deployments`,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    pushed_at: r.pushedAt,
    git_url: `git://${new URL(s.baseUrl).host}/${full}.git`,
    ssh_url: `git@${new URL(s.baseUrl).hostname}:${full}.git`,
    clone_url: `${s.baseUrl}/${full}.git`,
    svn_url: `${s.baseUrl}/${full}`,
    homepage: null,
    size: 108 + (r.id % 1000),
    stargazers_count: r.stars,
    watchers_count: r.stars,
    language: r.language,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: r.forks,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: r.private ? "private" : "public",
    forks: r.forks,
    open_issues: openIssues,
    watchers: r.stars,
    default_branch: r.defaultBranch,
  };
  if (viewer) json.permissions = repoPermissions(s, viewer, r);
  return json;
}

/** GET /repos/{owner}/{repo} adds a few fields to the list shape. */
export function fullRepository(s: EmulatorState, r: Repo, viewer?: string): Json {
  const owner = s.account(r.owner);
  return {
    ...repository(s, r, viewer),
    network_count: r.forks,
    subscribers_count: 1 + (r.stars % 5),
    temp_clone_token: null,
    ...(owner?.type === "Organization" ? { organization: simpleUser(s, owner) } : {}),
  };
}

export function labelJson(s: EmulatorState, repo: Repo, name: string): Json {
  const l = s.world.labels.find((x) => x.name === name);
  const id = l?.id ?? 0;
  return {
    id,
    node_id: nodeId("Label", id),
    url: `${api(s)}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
    name,
    description: l?.description ?? null,
    color: l?.color ?? "ededed",
    default: true,
  };
}

function authorAssociation(s: EmulatorState, repo: Repo, login: string): string {
  if (repo.owner === login) return "OWNER";
  if (repo.collaborators.includes(login)) return "COLLABORATOR";
  const org = s.account(repo.owner);
  if (org?.type === "Organization" && s.orgsOf(login).some((o) => o.login === org.login)) return "MEMBER";
  return "CONTRIBUTOR";
}

export function issueJson(s: EmulatorState, repo: Repo, i: Issue): Json {
  const u = `${api(s)}/repos/${repo.owner}/${repo.name}/issues/${i.number}`;
  const html = `${s.baseUrl}/${repo.owner}/${repo.name}/${i.pull ? "pull" : "issues"}/${i.number}`;
  const assignees = i.assignees.map((a) => userByLogin(s, a));
  const json: Json = {
    url: u,
    repository_url: `${api(s)}/repos/${repo.owner}/${repo.name}`,
    labels_url: `${u}/labels{/name}`,
    comments_url: `${u}/comments`,
    events_url: `${u}/events`,
    html_url: html,
    id: i.id,
    node_id: nodeId(i.pull ? "PullRequest" : "Issue", i.id),
    number: i.number,
    title: i.title,
    user: userByLogin(s, i.user),
    labels: i.labels.map((l) => labelJson(s, repo, l)),
    state: i.state,
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: i.comments,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: authorAssociation(s, repo, i.user),
    active_lock_reason: null,
    body: i.body,
    state_reason: i.state === "closed" ? (i.stateReason ?? "completed") : null,
    timeline_url: `${u}/timeline`,
    performed_via_github_app: null,
    reactions: {
      url: `${u}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
  if (i.pull) {
    const p = `${api(s)}/repos/${repo.owner}/${repo.name}/pulls/${i.number}`;
    json.draft = i.pull.draft;
    json.pull_request = {
      url: p,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: i.pull.mergedAt,
    };
  }
  return json;
}

export function searchItemJson(s: EmulatorState, repo: Repo, i: Issue): Json {
  return { ...issueJson(s, repo, i), score: 1 };
}

/** A team of `org` as GitHub's team objects show it (the fields of OpenAPI's "team"). */
function teamJson(s: EmulatorState, org: string, slug: string, id: number) {
  return {
    id,
    node_id: nodeId("Team", id),
    url: `${api(s)}/orgs/${org}/teams/${slug}`,
    html_url: `${s.baseUrl}/orgs/${org}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: "closed",
    permission: "pull",
    members_url: `${api(s)}/teams/${id}/members{/member}`,
    repositories_url: `${api(s)}/teams/${id}/repos`,
    parent: null,
  };
}

export function pullSimpleJson(s: EmulatorState, repo: Repo, i: Issue, viewer?: string): Json {
  const pull = i.pull;
  if (!pull) throw new Error("not a pull request");
  const base = issueJson(s, repo, i);
  const full = `${repo.owner}/${repo.name}`;
  const p = `${api(s)}/repos/${full}/pulls/${i.number}`;
  const html = `${s.baseUrl}/${full}/pull/${i.number}`;
  const [headOwner, headRef] = pull.head.includes(":")
    ? (pull.head.split(":") as [string, string])
    : [repo.owner, pull.head];
  const repoJson = repository(s, repo, viewer);
  const link = (href: string) => ({ href });
  return {
    url: p,
    id: pull.id,
    node_id: nodeId("PullRequest", pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api(s)}/repos/${full}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: base.user,
    body: i.body,
    labels: base.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergedAt ? sha(`merge:${pull.id}`) : null,
    assignee: base.assignee,
    assignees: base.assignees,
    requested_reviewers: pull.requestedReviewers.map((r) => userByLogin(s, r)),
    requested_teams: (pull.requestedTeams ?? []).map((slug, n) => teamJson(s, repo.owner, slug, pull.id * 100 + n)),
    commits_url: `${p}/commits`,
    review_comments_url: `${p}/comments`,
    review_comment_url: `${api(s)}/repos/${full}/pulls/comments{/number}`,
    comments_url: `${api(s)}/repos/${full}/issues/${i.number}/comments`,
    statuses_url: `${api(s)}/repos/${full}/statuses/${pull.headSha}`,
    head: {
      label: `${headOwner}:${headRef}`,
      ref: headRef,
      sha: pull.headSha,
      user: userByLogin(s, headOwner),
      repo: repoJson,
    },
    base: {
      label: `${repo.owner}:${pull.base}`,
      ref: pull.base,
      sha: sha(`${full}:${pull.base}`),
      user: userByLogin(s, repo.owner),
      repo: repoJson,
    },
    _links: {
      self: link(p),
      html: link(html),
      issue: link(`${api(s)}/repos/${full}/issues/${i.number}`),
      comments: link(`${api(s)}/repos/${full}/issues/${i.number}/comments`),
      review_comments: link(`${p}/comments`),
      review_comment: link(`${api(s)}/repos/${full}/pulls/comments{/number}`),
      commits: link(`${p}/commits`),
      statuses: link(`${api(s)}/repos/${full}/statuses/${pull.headSha}`),
    },
    author_association: base.author_association,
    auto_merge: null,
    draft: pull.draft,
  };
}

export function installationJson(s: EmulatorState, inst: Installation): Json {
  const app = s.apps.githubApp;
  const account = s.account(inst.account);
  if (!account) throw new Error(`unknown account ${inst.account}`);
  return {
    id: inst.id,
    client_id: app.clientId,
    account: simpleUser(s, account),
    repository_selection: inst.repositorySelection,
    access_tokens_url: `${api(s)}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${api(s)}/installation/repositories`,
    html_url: `${s.baseUrl}/${account.type === "Organization" ? `organizations/${account.login}/` : ""}settings/installations/${inst.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type,
    permissions: { ...app.permissions },
    events: [...app.events],
    created_at: inst.createdAt,
    updated_at: inst.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: inst.suspendedBy ? userByLogin(s, inst.suspendedBy) : null,
    suspended_at: inst.suspendedAt,
  };
}

/** The short repository form webhooks list. */
export function webhookRepo(r: Repo): Json {
  return {
    id: r.id,
    node_id: nodeId("Repository", r.id),
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: r.private,
  };
}
