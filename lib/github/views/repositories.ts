import "server-only";
import { githubFor, type GitHubClient } from "../client";
import { pageInfoFromLink } from "../api/pagination";
import { toRepository, type Listing, type Repository } from "./work-items";

// /repos: every repository the connection can see, sorted and filtered here — GitHub's
// /user/repos cannot sort by stars or search text, and an exact count needs every page anyway.
// Pages are fetched in parallel once the first page's Link header says how many there are; with
// conditional requests a repeated view costs no rate limit.

export type RepositorySort = "updated" | "name" | "stars";
export type RepositoryVisibility = "all" | "public" | "private";
export type RepositoryQuery = {
  sort: RepositorySort;
  owner: string | null;
  visibility: RepositoryVisibility;
  text: string;
  page: number;
};

export const REPOSITORY_PAGE_SIZE = 30;
/** 10 pages of 100: beyond that the list says it stops, rather than costing a person's whole hour. */
const MAX_GITHUB_PAGES = 10;

export type RepositoryListing = Listing<Repository> & { owners: string[]; truncated: boolean };

async function allRepositories(github: GitHubClient): Promise<{ repositories: Repository[]; truncated: boolean }> {
  const fetchPage = (page: number) =>
    github.rest.repos.listForAuthenticatedUser({ sort: "full_name", per_page: 100, page });
  const first = await fetchPage(1);
  const last = pageInfoFromLink(first.headers.link, 1).lastPage;
  const pagesToFetch = Math.min(last, MAX_GITHUB_PAGES);
  const rest = await Promise.all(Array.from({ length: pagesToFetch - 1 }, (_, i) => fetchPage(i + 2)));
  const repositories = [first, ...rest].flatMap((response) => response.data.map(toRepository));
  return { repositories, truncated: last > MAX_GITHUB_PAGES };
}

const ORDER: Record<RepositorySort, (a: Repository, b: Repository) => number> = {
  name: (a, b) => a.fullName.localeCompare(b.fullName, "en", { sensitivity: "base" }),
  updated: (a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0) || ORDER.name(a, b),
  stars: (a, b) => b.stars - a.stars || ORDER.name(a, b),
};

export async function listRepositories(userId: string, query: RepositoryQuery): Promise<RepositoryListing> {
  const { repositories, truncated } = await allRepositories(githubFor(userId));
  const owners = [...new Set(repositories.map((r) => r.owner))].sort((a, b) => a.localeCompare(b));
  const text = query.text.trim().toLowerCase();
  const matching = repositories
    .filter((r) => !query.owner || r.owner.toLowerCase() === query.owner.toLowerCase())
    .filter((r) => query.visibility === "all" || (query.visibility === "private") === r.isPrivate)
    .filter(
      (r) => !text || r.fullName.toLowerCase().includes(text) || (r.description ?? "").toLowerCase().includes(text),
    )
    .sort(ORDER[query.sort]);
  const lastPage = Math.max(1, Math.ceil(matching.length / REPOSITORY_PAGE_SIZE));
  const page = Math.min(query.page, lastPage);
  return {
    items: matching.slice((page - 1) * REPOSITORY_PAGE_SIZE, page * REPOSITORY_PAGE_SIZE),
    page,
    lastPage,
    hasPrevious: page > 1,
    hasNext: page < lastPage,
    total: matching.length,
    owners,
    truncated,
  };
}

export type RepositoryHeader = Repository & { forks: number; openIssuesAndPulls: number; defaultBranch: string };

/** One repository, or null when the connection cannot see it (GitHub answers 404, never 403). */
export async function getRepository(userId: string, owner: string, name: string): Promise<RepositoryHeader | null> {
  try {
    const { data } = await githubFor(userId).rest.repos.get({ owner, repo: name });
    return {
      ...toRepository(data),
      forks: data.forks_count,
      openIssuesAndPulls: data.open_issues_count,
      defaultBranch: data.default_branch,
    };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
