import Link from "next/link";
import { Suspense } from "react";
import { LinkPending } from "@/app/components/link-pending";
import { PanelSkeleton } from "@/app/components/github/panel";
import { requireUser } from "@/lib/auth/session";
import { hasConnection } from "@/lib/github/connection/summary";
import { listRepositoryIssues, listRepositoryPulls } from "@/lib/github/views/repository-work";
import { settle } from "@/lib/github/views/settle";
import type { ItemState } from "@/lib/github/views/work-items";
import { repositoryParams, repositoryQuery } from "../schema";
import { WorkListPanel, type TabListing } from "./work-list";

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
        <AwaitedWorkList
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

/** The list, streamed in under the page's Suspense boundary once GitHub answers. */
async function AwaitedWorkList({
  listing,
  ...props
}: {
  state: ItemState;
  listing: Promise<TabListing>;
  pagination: { baseHref: string; query: Record<string, string | undefined> };
}) {
  return <WorkListPanel {...props} shown={await listing} />;
}
