import { redirect } from "next/navigation";
import { Suspense } from "react";
import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { InstallAppPrompt } from "@/app/components/github/install-app-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { Pagination } from "@/app/components/github/pagination";
import { Panel, PanelProblem, PanelSkeleton, SkippedNote } from "@/app/components/github/panel";
import { RepositoryList } from "@/app/components/github/repository-list";
import { settle, type Settled } from "@/lib/github/views/settle";
import { listRepositories, type RepositoryListing, type RepositoryQuery } from "@/lib/github/views/repositories";
import type { SearchParams } from "@/lib/navigation/query";
import { cleanRepositoriesUrl, repositoriesQuery } from "./schema";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Repositories" };

function parseQuery(params: SearchParams): RepositoryQuery {
  const { sort, visibility, owner, q, page } = repositoriesQuery.parse(params);
  return { sort, visibility, owner, text: q, page };
}

export default async function RepositoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const query = parseQuery(raw);
  // The filter form is a plain GET form, so it sends empty and default fields: answer with the clean URL.
  const clean = cleanRepositoriesUrl(query);
  if (clean !== currentUrl(raw)) redirect(clean);
  if (!(await hasConnection(user.id))) {
    return (
      <section>
        <h1>Repositories</h1>
        <ConnectPrompt returnTo="/repos" />
      </section>
    );
  }
  // A function, so the listing learns whether GitHub failed and a stored copy stood in (marked "as of").
  const listing = settle(() => listRepositories(user.id, query));
  return (
    <section>
      <h1>Repositories</h1>
      <form className="filters" method="get" action="/repos" role="search" aria-label="Filter repositories">
        <label>
          Find a repository
          <input type="search" name="q" defaultValue={query.text} placeholder="Name or description" />
        </label>
        <Suspense
          fallback={
            <label>
              Owner
              <select name="owner" defaultValue={query.owner ?? ""}>
                <option value="">{query.owner ?? "All owners"}</option>
              </select>
            </label>
          }
        >
          <OwnerSelect owner={query.owner} listing={listing} />
        </Suspense>
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
      {/* Keyed by the query so a new filter shows the skeleton instead of the previous list. */}
      <Suspense key={clean} fallback={<PanelSkeleton title="Repositories" rows={8} />}>
        <RepositoriesPanel query={query} listing={listing} />
      </Suspense>
    </section>
  );
}

function currentUrl(raw: SearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  const search = params.toString();
  return search ? `/repos?${search}` : "/repos";
}

async function OwnerSelect({ owner, listing }: { owner: string | null; listing: Promise<Settled<RepositoryListing>> }) {
  const result = await listing;
  const owners = result.ok ? result.value.owners : owner ? [owner] : [];
  return (
    <label>
      Owner
      <select name="owner" defaultValue={owner ?? ""}>
        <option value="">All owners</option>
        {owners.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}

async function RepositoriesPanel({
  query,
  listing: pending,
}: {
  query: RepositoryQuery;
  listing: Promise<Settled<RepositoryListing>>;
}) {
  const result = await pending;
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
    <Panel
      id="repositories"
      title={listing.total === 1 ? "1 repository" : `${listing.total ?? 0} repositories`}
      stale={result.stale}
    >
      {listing.truncated && <p className="muted">Showing the first 1,000 repositories GitHub returned.</p>}
      <SkippedNote count={listing.skipped} />
      <RepositoryList
        items={listing.items}
        empty={
          filtered
            ? "No repositories match these filters."
            : "No repositories yet. Hublink can see repositories only where the GitHub App is installed."
        }
      />
      {listing.total === 0 && !filtered && <InstallAppPrompt returnTo="/repos" />}
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
  );
}
