import { IssueList } from "@/app/components/github/issue-list";
import { Pagination } from "@/app/components/github/pagination";
import { Panel, PanelProblem, SkippedNote } from "@/app/components/github/panel";
import { PullList } from "@/app/components/github/pull-list";
import type { RepositoryIssues } from "@/lib/github/views/repository-work";
import type { Settled } from "@/lib/github/views/settle";
import type { ItemState, Listing, PullRequest } from "@/lib/github/views/work-items";

// The list under a repository's tabs, once GitHub has answered (the page streams it in).

export type TabListing =
  { tab: "issues"; result: Settled<RepositoryIssues> } | { tab: "pulls"; result: Settled<Listing<PullRequest>> };

export function WorkListPanel({
  state,
  shown,
  pagination,
}: {
  state: ItemState;
  shown: TabListing;
  pagination: { baseHref: string; query: Record<string, string | undefined> };
}) {
  const { tab, result } = shown;
  const title = `${state === "open" ? "Open" : "Closed"} ${tab === "pulls" ? "pull requests" : "issues"}`;
  if (!result.ok) {
    return (
      <Panel id="work-list" title={title}>
        <PanelProblem problem={result.problem} />
      </Panel>
    );
  }
  // GitHub's page held nothing at all: past the list's end. A page of the issues endpoint that held
  // only pull requests (or items Hublink could not read) is a page of the list, with its way on.
  const pullRequests = shown.tab === "issues" && shown.result.ok ? shown.result.value.pullRequests : 0;
  const heldNothing = result.value.items.length + result.value.skipped + pullRequests === 0;
  const pastTheEnd = heldNothing && result.value.page > 1;
  return (
    <Panel id="work-list" title={title} stale={result.stale}>
      {pastTheEnd
        ? null
        : shown.tab === "pulls"
          ? shown.result.ok && (
              <PullList
                items={shown.result.value.items}
                empty={`There are no ${state} pull requests in this repository.`}
              />
            )
          : shown.result.ok && (
              <IssueList
                items={shown.result.value.items}
                showRepository={false}
                empty={emptyIssues(state, shown.result.value)}
              />
            )}
      {shown.result.ok && <SkippedNote count={shown.result.value.skipped} />}
      <Pagination {...result.value} {...pagination} empty={heldNothing} />
    </Panel>
  );
}

/** A page of GitHub's issues can hold only pull requests; say so rather than "no issues" when there are more. */
function emptyIssues(state: ItemState, listing: RepositoryIssues): string {
  if (listing.hasNext) return "No issues on this page, only pull requests. Try the next page.";
  return listing.page > 1 && listing.pullRequests > 0
    ? `No more ${state} issues in this repository: the rest of its list is pull requests.`
    : `There are no ${state} issues in this repository.`;
}
