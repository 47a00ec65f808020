import { affiliatedRepos, isGitHubAppToken, type Affiliation } from "./access";
import type { Repo } from "./model";
import {
  error,
  notFound,
  ok,
  paginate,
  validationFailed,
  type RestRequest,
  type RestResult,
  type RestRoute,
} from "./rest";
import { privateUser, publicUser, repository } from "./shapes";

// /user, /users/{username}, /user/emails, /user/repos

function me(r: RestRequest) {
  // Routes with auth "required" always have a token.
  const login = r.token?.login ?? "";
  const account = r.state.account(login);
  if (!account) throw new Error(`token for unknown user ${login}`);
  return account;
}

export const getUser: RestRoute = {
  auth: "required",
  handler: (r) => ok(privateUser(r.state, me(r))),
};

export const getUserByName: RestRoute = {
  auth: "optional",
  handler: (r) => {
    const a = r.state.account(r.params.username);
    if (!a) return notFound();
    return ok(r.token?.login === a.login ? privateUser(r.state, a) : publicUser(r.state, a));
  },
};

export const getUserEmails: RestRoute = {
  auth: "required",
  acceptedScopes: "user, read:user, user:email",
  handler: (r) => {
    const token = r.token;
    if (!token) return notFound();
    if (isGitHubAppToken(r.state, token))
      return error(
        403,
        "Resource not accessible by integration",
        "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user",
      );
    if (!token.scopes.some((s) => s === "user" || s === "user:email")) return notFound();
    const a = me(r);
    const emails = [
      { email: a.email ?? `${a.login}@example.com`, primary: true, verified: true, visibility: "public" },
      { email: `${a.id}+${a.login}@users.noreply.github.com`, primary: false, verified: true, visibility: null },
    ];
    return ok(paginate(r, emails).page);
  },
};

const SORTS = ["created", "updated", "pushed", "full_name"] as const;

export const listUserRepos: RestRoute = {
  auth: "required",
  handler: (r): RestResult => {
    const q = r.query;
    const type = q.get("type");
    if (type && (q.has("visibility") || q.has("affiliation"))) {
      return validationFailed("If you specify visibility or affiliation, you cannot specify type.");
    }
    const visibility = q.get("visibility") ?? "all";
    if (!["all", "public", "private"].includes(visibility)) return validationFailed("Validation Failed");
    let affiliations = new Set<Affiliation>(
      (q.get("affiliation") ?? "owner,collaborator,organization_member")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean) as Affiliation[],
    );
    let typeFilter: (repo: Repo) => boolean = () => true;
    if (type) {
      if (!["all", "owner", "public", "private", "member"].includes(type)) return validationFailed("Validation Failed");
      if (type === "owner") affiliations = new Set(["owner"]);
      if (type === "member") affiliations = new Set(["collaborator", "organization_member"]);
      if (type === "public") typeFilter = (repo) => !repo.private;
      if (type === "private") typeFilter = (repo) => repo.private;
    }
    const sort = (q.get("sort") ?? "full_name") as (typeof SORTS)[number];
    if (!SORTS.includes(sort)) return validationFailed("Validation Failed");
    const direction = q.get("direction") ?? (sort === "full_name" ? "asc" : "desc");
    const token = r.token;
    if (!token) return notFound();
    const repos = affiliatedRepos(r.state, token)
      .filter(({ repo, affiliation }) => affiliations.has(affiliation) && typeFilter(repo))
      .filter(({ repo }) => visibility === "all" || (visibility === "private") === repo.private)
      .map(({ repo }) => repo);
    const key = (repo: Repo): string =>
      sort === "full_name"
        ? `${repo.owner}/${repo.name}`.toLowerCase()
        : sort === "created"
          ? repo.createdAt
          : sort === "updated"
            ? repo.updatedAt
            : repo.pushedAt;
    repos.sort((a, b) => {
      const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
      return direction === "asc" ? c : -c;
    });
    const { page, headers } = paginate(r, repos);
    return ok(
      page.map((repo) => repository(r.state, repo, token.login)),
      headers,
    );
  },
};
