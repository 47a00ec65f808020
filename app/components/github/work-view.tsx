import Link from "next/link";
import { Suspense } from "react";
import { searchWork } from "@/lib/github/views/dashboard";
import {
  DEFAULT_FILTERS,
  emptyWorkSentence,
  ISSUE_FILTERS,
  PULL_FILTERS,
  type WorkSearch,
} from "@/lib/github/views/work-filters";
import { settle } from "@/lib/github/views/settle";
import type { ItemState } from "@/lib/github/views/work-items";
import { LinkPending } from "@/app/components/link-pending";
import { IssueList } from "./issue-list";
import { Pagination } from "./pagination";
import { Panel, PanelProblem, PanelSkeleton, SkippedNote } from "./panel";

// /pulls and /issues: one search across every repository the connection can see, by filter and state.

const VIEWS = {
  pr: { path: "/pulls", noun: "pull requests", filters: PULL_FILTERS, defaultFilter: DEFAULT_FILTERS.pr },
  issue: { path: "/issues", noun: "issues", filters: ISSUE_FILTERS, defaultFilter: DEFAULT_FILTERS.issue },
} as const;

export function WorkView({ search, page, userId }: { search: WorkSearch; page: number; userId: string }) {
  const view = VIEWS[search.kind];
  const hrefFor = (next: { filter?: string; state?: ItemState }) => {
    const params = new URLSearchParams();
    const filter = next.filter ?? search.filter;
    const state = next.state ?? search.state;
    if (filter !== view.defaultFilter) params.set("filter", filter);
    if (state === "closed") params.set("state", "closed");
    const query = params.toString();
    return query ? `${view.path}?${query}` : view.path;
  };
  return (
    <>
      <nav className="tabs" aria-label={`Which ${view.noun}`}>
        {Object.entries(view.filters).map(([key, { label }]) => (
          <Link
            key={key}
            href={hrefFor({ filter: key, state: "open" })}
            aria-current={key === search.filter ? "page" : undefined}
          >
            {label}
            <LinkPending />
          </Link>
        ))}
      </nav>
      <nav className="state-filter" aria-label={`${view.noun} state`}>
        <Link href={hrefFor({ state: "open" })} aria-current={search.state === "open" ? "true" : undefined}>
          Open
          <LinkPending />
        </Link>
        <Link href={hrefFor({ state: "closed" })} aria-current={search.state === "closed" ? "true" : undefined}>
          Closed
          <LinkPending />
        </Link>
      </nav>
      <Suspense
        key={`${search.filter}-${search.state}-${page}`}
        fallback={<PanelSkeleton title={`${search.state === "open" ? "Open" : "Closed"} ${view.noun}`} rows={6} />}
      >
        <WorkResults userId={userId} search={search} page={page} />
      </Suspense>
    </>
  );
}

async function WorkResults({ userId, search, page }: { userId: string; search: WorkSearch; page: number }) {
  const view = VIEWS[search.kind];
  const title = `${search.state === "open" ? "Open" : "Closed"} ${view.noun}`;
  const result = await settle(() => searchWork(userId, search, { page }));
  if (!result.ok) {
    return (
      <Panel id="work-results" title={title}>
        <PanelProblem problem={result.problem} />
      </Panel>
    );
  }
  return (
    <Panel id="work-results" title={title} count={result.value.total} stale={result.stale}>
      {/* Past the last page, the pagination alone says so. */}
      {(result.value.items.length > 0 || page === 1) && (
        <IssueList items={result.value.items} empty={emptyWorkSentence(search)} />
      )}
      <SkippedNote count={result.value.skipped} />
      <Pagination
        {...result.value}
        empty={result.value.items.length === 0}
        baseHref={view.path}
        query={{
          filter: search.filter === view.defaultFilter ? undefined : search.filter,
          state: search.state === "closed" ? "closed" : undefined,
        }}
      />
    </Panel>
  );
}
