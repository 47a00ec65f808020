import "server-only";
import { githubFor } from "../client";
import { issueAnswer, parseEach, repositoryAnswer, searchAnswer } from "./answers";
import { pageInfoFromLink } from "../api/pagination";
import { outsideStaleness } from "../api/staleness";
import { revalidateDetailsAhead, withPullDetails } from "./pull-details";
import { workQuery, type WorkSearch } from "./work-filters";
import { toIssue, toRepository, type Issue, type Listing, type Repository } from "./work-items";

// Loaders behind /dashboard, /pulls and /issues. Each makes its own GitHub calls, so the panels
// that use them load side by side.

export type Profile = {
  login: string;
  name: string | null;
  avatarUrl: string;
  htmlUrl: string;
  bio: string | null;
  publicRepos: number;
  followers: number;
  following: number;
};

export async function getProfile(userId: string): Promise<Profile> {
  const { data } = await githubFor(userId).rest.users.getAuthenticated();
  return {
    login: data.login,
    name: data.name ?? null,
    avatarUrl: data.avatar_url,
    htmlUrl: data.html_url,
    bio: data.bio ?? null,
    publicRepos: data.public_repos,
    followers: data.followers,
    following: data.following,
  };
}

export async function getRecentRepositories(userId: string, count = 6): Promise<Repository[]> {
  const { data } = await githubFor(userId).rest.repos.listForAuthenticatedUser({ sort: "updated", per_page: count });
  // A server may serve its own page size whatever per_page asks (Gitea and Forgejo: 30).
  return parseEach(repositoryAnswer, data).items.slice(0, count).map(toRepository);
}

export const WORK_PAGE_SIZE = 25;

/** GitHub serves only the first 1,000 results of a search, and refuses (422) a page past them. */
const SEARCH_RESULT_LIMIT = 1000;

export async function searchWork(
  userId: string,
  search: WorkSearch,
  { page = 1, perPage = WORK_PAGE_SIZE } = {},
): Promise<Listing<Issue>> {
  const reachablePages = Math.ceil(SEARCH_RESULT_LIMIT / perPage);
  // Past GitHub's window a page is empty, not a request GitHub refuses (the page says there is none).
  if (page > reachablePages)
    return { items: [], skipped: 0, page, lastPage: reachablePages, hasPrevious: true, hasNext: false, total: null };
  const github = githubFor(userId);
  const query = { q: workQuery(search), sort: "updated", order: "desc", per_page: perPage, page } as const;
  const answered = github.rest.search.issuesAndPullRequests(query);
  if (search.kind === "pr") {
    void outsideStaleness(() =>
      revalidateDetailsAhead(github, {
        key: `${userId}\n${JSON.stringify(query)}`,
        stored: (request) => github.rest.search.issuesAndPullRequests({ ...query, request }),
      }),
    );
  }
  const { data, headers } = await answered;
  const answer = searchAnswer.safeParse(data);
  if (!answer.success)
    return { items: [], skipped: 1, page, lastPage: page, hasPrevious: page > 1, hasNext: false, total: null };
  const parsed = parseEach(issueAnswer, answer.data.items);
  const reachable = Math.min(answer.data.total_count, SEARCH_RESULT_LIMIT);
  const info = pageInfoFromLink(headers.link, page);
  const items = parsed.items.map(toIssue);
  return {
    // Every pull request list shows review state and CI, which search results do not carry.
    items: search.kind === "pr" ? withPullDetails(github, items) : items,
    skipped: parsed.skipped,
    ...info,
    lastPage: Math.max(info.page, Math.ceil(reachable / perPage)),
    total: answer.data.total_count,
  };
}
