import "server-only";
import { z } from "zod";
import { httpStatusOf } from "../api/errors";
import { githubFor, type GitHubClient } from "../client";
import { parseEach, repositoryAnswer } from "./answers";
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

async function allRepositories(
  github: GitHubClient,
): Promise<{ repositories: Repository[]; truncated: boolean; skipped: number }> {
  const fetchPage = (page: number) =>
    github.rest.repos.listForAuthenticatedUser({ sort: "full_name", per_page: 100, page });
  const first = await fetchPage(1);
  const last = pageInfoFromLink(first.headers.link, 1).lastPage;
  const pagesToFetch = Math.min(last, MAX_GITHUB_PAGES);
  const rest = await Promise.all(Array.from({ length: pagesToFetch - 1 }, (_, i) => fetchPage(i + 2)));
  const pages = [first, ...rest].map((response) => parseEach(repositoryAnswer, response.data));
  return {
    repositories: pages.flatMap((parsed) => parsed.items.map(toRepository)),
    truncated: last > MAX_GITHUB_PAGES,
    skipped: pages.reduce((sum, parsed) => sum + parsed.skipped, 0),
  };
}

const ORDER: Record<RepositorySort, (a: Repository, b: Repository) => number> = {
  name: (a, b) => a.fullName.localeCompare(b.fullName, "en", { sensitivity: "base" }),
  updated: (a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0) || ORDER.name(a, b),
  stars: (a, b) => b.stars - a.stars || ORDER.name(a, b),
};

export async function listRepositories(userId: string, query: RepositoryQuery): Promise<RepositoryListing> {
  const { repositories, truncated, skipped } = await allRepositories(githubFor(userId));
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
    skipped,
  };
}

export type RepositoryHeader = Repository & { forks: number; openIssuesAndPulls: number; defaultBranch: string };

const repositoryHeaderAnswer = repositoryAnswer.extend({
  forks_count: z.number().catch(0),
  open_issues_count: z.number().catch(0),
  default_branch: z.string().catch(""),
});

/**
 * One repository, or null when the connection cannot see it. GitHub answers 404 for a private
 * repository you cannot see; some GitHub-compatible servers and older GitHub Enterprise Server
 * versions answer 403 — a 403 that is not a rate limit means the same here (rate limits arrive as
 * GitHubUnavailableError and stay errors).
 */
export async function getRepository(userId: string, owner: string, name: string): Promise<RepositoryHeader | null> {
  try {
    const { data } = await githubFor(userId).rest.repos.get({ owner, repo: name });
    const repository = repositoryHeaderAnswer.safeParse(data);
    if (!repository.success) return null;
    return {
      ...toRepository(repository.data),
      forks: repository.data.forks_count,
      openIssuesAndPulls: repository.data.open_issues_count,
      defaultBranch: repository.data.default_branch,
    };
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404 || status === 403) return null;
    throw error;
  }
}
