import { InstallAppPrompt } from "@/app/components/github/install-app-prompt";
import { IssueList } from "@/app/components/github/issue-list";
import { Panel, PanelProblem, PanelStale, SkippedNote } from "@/app/components/github/panel";
import { RepositoryList } from "@/app/components/github/repository-list";
import { getProfile, getRecentRepositories, searchWork } from "@/lib/github/views/dashboard";
import type { WorkSearch } from "@/lib/github/views/work-filters";
import { settle } from "@/lib/github/views/settle";

// The dashboard's panels: each an async server component with its own GitHub call, streamed under
// its own Suspense boundary, failing on its own.

export async function ProfilePanel({ userId }: { userId: string }) {
  const result = await settle(() => getProfile(userId));
  if (!result.ok) {
    return (
      <Panel id="profile" title="Profile" size="profile">
        <PanelProblem problem={result.problem} />
      </Panel>
    );
  }
  const profile = result.value;
  return (
    <section className="panel profile" aria-labelledby="profile" data-size="profile">
      {result.stale && <PanelStale stale={result.stale} />}
      {/* eslint-disable-next-line @next/next/no-img-element -- avatars come from the configured GitHub host, not a fixed domain */}
      <img src={profile.avatarUrl} alt="" width={96} height={96} className="avatar profile-avatar" />
      <h2 id="profile">
        <span className="profile-name">{profile.name ?? profile.login}</span>
        <a href={profile.htmlUrl} className="profile-login">
          @{profile.login}
        </a>
      </h2>
      {profile.bio && <p>{profile.bio}</p>}
      <dl className="profile-numbers">
        <div>
          <dt>Public repositories</dt>
          <dd>{profile.publicRepos}</dd>
        </div>
        <div>
          <dt>Followers</dt>
          <dd>{profile.followers}</dd>
        </div>
        <div>
          <dt>Following</dt>
          <dd>{profile.following}</dd>
        </div>
      </dl>
    </section>
  );
}

export async function RecentRepositoriesPanel({ userId }: { userId: string }) {
  const result = await settle(() => getRecentRepositories(userId));
  return (
    <Panel
      id="recent-repositories"
      title="Recently updated repositories"
      size="compact-list"
      viewAll={{ href: "/repos", label: "All repositories" }}
      stale={result.ok ? result.stale : null}
    >
      {result.ok ? (
        <>
          <RepositoryList
            items={result.value}
            compact
            empty="No repositories yet. Hublink can see repositories only where the GitHub App is installed."
          />
          {result.value.length === 0 && <InstallAppPrompt returnTo="/dashboard" />}
        </>
      ) : (
        <PanelProblem problem={result.problem} />
      )}
    </Panel>
  );
}

/** How many items a dashboard list shows before "View all". */
const DASHBOARD_LIST_LENGTH = 5;

export async function WorkPanel({
  userId,
  id,
  title,
  search,
  viewAll,
  empty,
}: {
  userId: string;
  id: string;
  title: string;
  search: WorkSearch;
  viewAll: string;
  empty: string;
}) {
  const result = await settle(() => searchWork(userId, search, { perPage: DASHBOARD_LIST_LENGTH }));
  return (
    <Panel
      id={id}
      title={title}
      size={search.kind === "pr" ? "pull-list" : "list"}
      count={result.ok ? result.value.total : null}
      viewAll={{ href: viewAll, label: "View all" }}
      stale={result.ok ? result.stale : null}
    >
      {result.ok ? (
        <>
          <IssueList items={result.value.items} empty={empty} />
          <SkippedNote count={result.value.skipped} />
        </>
      ) : (
        <PanelProblem problem={result.problem} />
      )}
    </Panel>
  );
}
