import "server-only";
import { githubFor } from "../client";
import { pageInfoFromLink } from "../api/pagination";

// The numbers on a repository's tabs. GitHub's open_issues_count counts open pull requests too, so
// open pull requests are counted (one page of one item: the Link header's last page is the count)
// and taken away.

export type RepositoryCounts = { openIssues: number; openPulls: number };

export async function getRepositoryCounts(
  userId: string,
  owner: string,
  repo: string,
  openIssuesAndPulls: number,
): Promise<RepositoryCounts> {
  const { data, headers } = await githubFor(userId).rest.pulls.list({ owner, repo, state: "open", per_page: 1 });
  const openPulls = headers.link ? pageInfoFromLink(headers.link, 1).lastPage : data.length;
  return { openPulls, openIssues: Math.max(0, openIssuesAndPulls - openPulls) };
}
