import { Suspense } from "react";
import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { Pagination } from "@/app/components/github/pagination";
import { Panel, PanelProblem, PanelSkeleton, SkippedNote } from "@/app/components/github/panel";
import { RepositoryList } from "@/app/components/github/repository-list";
import { settle } from "@/lib/github/views/settle";
import { listRepositories, type RepositoryQuery } from "@/lib/github/views/repositories";
import type { SearchParams } from "@/lib/navigation/query";
import { repositoriesQuery } from "./schema";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Repositories" };

function parseQuery(params: SearchParams): RepositoryQuery {
  const { sort, visibility, owner, q, page } = repositoriesQuery.parse(params);
  return { sort, visibility, owner, text: q, page };
}

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const query = parseQuery(await searchParams);
  return (
    <section>
      <h1>Repositories</h1>
      {(await hasConnection(user.id)) ? (
        // Keyed by the query so a new filter shows the skeleton instead of the previous list.
        <Suspense key={JSON.stringify(query)} fallback={<PanelSkeleton title="Repositories" rows={8} />}>
          <RepositoriesPanel userId={user.id} query={query} />
        </Suspense>
      ) : (
        <ConnectPrompt returnTo="/repos" />
      )}
    </section>
  );
}

async function RepositoriesPanel({ userId, query }: { userId: string; query: RepositoryQuery }) {
  const result = await settle(listRepositories(userId, query));
  if (!result.ok) {
    return (
      <Panel id="repositories" title="Repositories">
        <PanelProblem problem={result.problem} />
      </Panel>
    );
  }
  const listing = result.value;
  const filtered = query.owner !== null || query.visibility !== "all" || query.text !== "";
  return (
    <>
      <form className="filters" method="get" action="/repos" role="search" aria-label="Filter repositories">
        <label>
          Find a repository
          <input type="search" name="q" defaultValue={query.text} placeholder="Name or description" />
        </label>
        <label>
          Owner
          <select name="owner" defaultValue={query.owner ?? ""}>
            <option value="">All owners</option>
            {listing.owners.map((owner) => (
              <option key={owner}>{owner}</option>
            ))}
          </select>
        </label>
        <label>
          Visibility
          <select name="visibility" defaultValue={query.visibility}>
            <option value="all">All</option>
            <option value="public">Public</option>
            <option value="private">Private</option>
          </select>
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort}>
            <option value="updated">Last updated</option>
            <option value="name">Name</option>
            <option value="stars">Stars</option>
          </select>
        </label>
        <button type="submit" className="btn">
          Apply
        </button>
      </form>
      <Panel id="repositories" title={listing.total === 1 ? "1 repository" : `${listing.total ?? 0} repositories`}>
        {listing.truncated && <p className="muted">Showing the first 1,000 repositories GitHub returned.</p>}
        <SkippedNote count={listing.skipped} />
        <RepositoryList
          items={listing.items}
          empty={
            filtered
              ? "No repositories match these filters."
              : "No repositories yet. Repositories you own or can access through Hublink appear here."
          }
        />
        <Pagination
          {...listing}
          baseHref="/repos"
          query={{
            q: query.text || undefined,
            owner: query.owner ?? undefined,
            visibility: query.visibility === "all" ? undefined : query.visibility,
            sort: query.sort === "updated" ? undefined : query.sort,
          }}
        />
      </Panel>
    </>
  );
}
