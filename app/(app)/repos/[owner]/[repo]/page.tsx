import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { Time } from "@/app/components/time";
import { IssueList } from "@/app/components/github/issue-list";
import { Pagination } from "@/app/components/github/pagination";
import { Panel, PanelProblem, PanelSkeleton } from "@/app/components/github/panel";
import { PullList } from "@/app/components/github/pull-list";
import { settle, type Settled } from "@/lib/github/views/settle";
import { getRepository, type RepositoryHeader } from "@/lib/github/views/repositories";
import { listRepositoryIssues, listRepositoryPulls } from "@/lib/github/views/repository-work";
import type { Issue, ItemState, Listing, PullRequest } from "@/lib/github/views/work-items";
import { requireUser } from "@/lib/auth/session";
import { repositoryParams, repositoryQuery } from "./schema";

type Params = Promise<{ owner: string; repo: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Tab = "issues" | "pulls";

export async function generateMetadata({ params }: { params: Params }) {
  const { owner, repo } = await params;
  return { title: `${owner}/${repo}` };
}

export default async function RepositoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requireUser();
  const names = repositoryParams.safeParse(await params);
  if (!names.success) notFound();
  const { owner, repo } = names.data;
  const { tab, state, page } = repositoryQuery.parse(await searchParams);
  if (!(await hasConnection(user.id))) {
    return (
      <section>
        <h1>
          {owner}/{repo}
        </h1>
        <ConnectPrompt returnTo={`/repos/${owner}/${repo}`} />
      </section>
    );
  }
  const where = { owner, repo, state, page };

  // The list starts now, side by side with the header; the header alone decides "not found".
  const listing: Promise<TabListing> =
    tab === "pulls"
      ? settle(listRepositoryPulls(user.id, where)).then((result) => ({ tab, result }))
      : settle(listRepositoryIssues(user.id, where)).then((result) => ({ tab, result }));
  listing.catch(() => undefined); // if the page turns out to be not found, nobody awaits the list
  const header = await settle(getRepository(user.id, owner, repo));
  if (header.ok && header.value === null) notFound();

  const base = `/repos/${owner}/${repo}`;
  const hrefFor = (next: { tab?: Tab; state?: ItemState }) => {
    const params = new URLSearchParams();
    const t = next.tab ?? tab;
    const s = next.state ?? state;
    if (t === "pulls") params.set("tab", "pulls");
    if (s === "closed") params.set("state", "closed");
    const search = params.toString();
    return search ? `${base}?${search}` : base;
  };
  const tabTitle = tab === "pulls" ? "Pull requests" : "Issues";

  return (
    <section>
      <RepositoryTitle owner={owner} repo={repo} header={header} />
      <nav className="tabs" aria-label="Repository">
        <Link href={hrefFor({ tab: "issues", state: "open" })} aria-current={tab === "issues" ? "page" : undefined}>
          Issues
        </Link>
        <Link href={hrefFor({ tab: "pulls", state: "open" })} aria-current={tab === "pulls" ? "page" : undefined}>
          Pull requests
        </Link>
      </nav>
      <nav className="state-filter" aria-label={`${tabTitle} state`}>
        <Link href={hrefFor({ state: "open" })} aria-current={state === "open" ? "true" : undefined}>
          Open
        </Link>
        <Link href={hrefFor({ state: "closed" })} aria-current={state === "closed" ? "true" : undefined}>
          Closed
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
          listing={listing}
          pagination={{
            baseHref: base,
            query: { tab: tab === "pulls" ? "pulls" : undefined, state: state === "closed" ? "closed" : undefined },
          }}
        />
      </Suspense>
    </section>
  );
}

function RepositoryTitle({
  owner,
  repo,
  header,
}: {
  owner: string;
  repo: string;
  header: Settled<RepositoryHeader | null>;
}) {
  if (!header.ok || !header.value) {
    return (
      <header className="repo-header">
        <h1>
          {owner}/{repo}
        </h1>
        {!header.ok && <PanelProblem problem={header.problem} />}
      </header>
    );
  }
  const r = header.value;
  return (
    <header className="repo-header">
      <h1>
        <a href={r.htmlUrl}>{r.fullName}</a> <span className="pill">{r.isPrivate ? "Private" : "Public"}</span>
      </h1>
      {r.description && <p className="repo-description">{r.description}</p>}
      <p className="item-meta item-facts">
        {r.language && <span className="language">{r.language}</span>}
        <span>★ {r.stars} stars</span>
        <span>{r.forks} forks</span>
        <span>Default branch {r.defaultBranch}</span>
        {r.updatedAt && (
          <span>
            Updated <Time value={r.updatedAt} />
          </span>
        )}
      </p>
    </header>
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
  return (
    <Panel id="work-list" title={title}>
      {shown.tab === "pulls"
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
      <Pagination {...result.value} {...pagination} />
    </Panel>
  );
}

/** A page of GitHub's issues can hold only pull requests; say so rather than "no issues" when more pages follow. */
function emptyIssues(state: ItemState, listing: Listing<unknown>): string {
  return listing.hasNext
    ? "No issues on this page, only pull requests. Try the next page."
    : `There are no ${state} issues in this repository.`;
}
