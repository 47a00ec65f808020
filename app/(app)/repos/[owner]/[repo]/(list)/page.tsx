import Link from "next/link";
import { Suspense } from "react";
import { LinkPending } from "@/app/components/link-pending";
import { IssueList } from "@/app/components/github/issue-list";
import { Pagination } from "@/app/components/github/pagination";
import { Panel, PanelProblem, PanelSkeleton, SkippedNote } from "@/app/components/github/panel";
import { PullList } from "@/app/components/github/pull-list";
import { requireUser } from "@/lib/auth/session";
import { hasConnection } from "@/lib/github/connection/summary";
import { listRepositoryIssues, listRepositoryPulls } from "@/lib/github/views/repository-work";
import { settle, type Settled } from "@/lib/github/views/settle";
import type { Issue, ItemState, Listing, PullRequest } from "@/lib/github/views/work-items";
import { repositoryParams, repositoryQuery } from "../schema";

type Params = Promise<{ owner: string; repo: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }) {
  const { owner, repo } = await params;
  return { title: `${owner}/${repo}` };
}

// The list under a repository's header and tabs (layout.tsx, which also decides "not found").
export default async function RepositoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requireUser();
  const names = repositoryParams.safeParse(await params);
  if (!names.success || !(await hasConnection(user.id))) return null;
  const { owner, repo } = names.data;
  const { tab, state, page } = repositoryQuery.parse(await searchParams);

  const base = `/repos/${owner}/${repo}`;
  const hrefFor = (s: ItemState) => {
    const params = new URLSearchParams();
    if (tab === "pulls") params.set("tab", "pulls");
    if (s === "closed") params.set("state", "closed");
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };
  const tabTitle = tab === "pulls" ? "Pull requests" : "Issues";
  const where = { owner, repo, state, page };

  return (
    <>
      <nav className="state-filter" aria-label={`${tabTitle} state`}>
        <Link href={hrefFor("open")} aria-current={state === "open" ? "true" : undefined}>
          Open
          <LinkPending />
        </Link>
        <Link href={hrefFor("closed")} aria-current={state === "closed" ? "true" : undefined}>
          Closed
          <LinkPending />
        </Link>
      </nav>
      <Suspense
        key={`${tab}-${state}-${page}`}
        fallback={
          <PanelSkeleton title={`${state === "open" ? "Open" : "Closed"} ${tabTitle.toLowerCase()}`} rows={6} />
        }
      >
        <WorkListPanel
          state={state}
          listing={
            tab === "pulls"
              ? settle(() => listRepositoryPulls(user.id, where)).then((result) => ({ tab, result }))
              : settle(() => listRepositoryIssues(user.id, where)).then((result) => ({ tab, result }))
          }
          pagination={{
            baseHref: base,
            query: { tab: tab === "pulls" ? "pulls" : undefined, state: state === "closed" ? "closed" : undefined },
          }}
        />
      </Suspense>
    </>
  );
}

type TabListing =
  { tab: "issues"; result: Settled<Listing<Issue>> } | { tab: "pulls"; result: Settled<Listing<PullRequest>> };

async function WorkListPanel({
  state,
  listing,
  pagination,
}: {
  state: ItemState;
  listing: Promise<TabListing>;
  pagination: { baseHref: string; query: Record<string, string | undefined> };
}) {
  const shown = await listing;
  const { tab, result } = shown;
  const title = `${state === "open" ? "Open" : "Closed"} ${tab === "pulls" ? "pull requests" : "issues"}`;
  if (!result.ok) {
    return (
      <Panel id="work-list" title={title}>
        <PanelProblem problem={result.problem} />
      </Panel>
    );
  }
  const pastTheEnd = result.value.items.length === 0 && result.value.page > 1;
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
      <Pagination {...result.value} {...pagination} empty={result.value.items.length === 0} />
    </Panel>
  );
}

/** A page of GitHub's issues can hold only pull requests; say so rather than "no issues" when more pages follow. */
function emptyIssues(state: ItemState, listing: Listing<unknown>): string {
  return listing.hasNext
    ? "No issues on this page, only pull requests. Try the next page."
    : `There are no ${state} issues in this repository.`;
}
