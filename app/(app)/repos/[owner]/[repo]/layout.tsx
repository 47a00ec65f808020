import { notFound } from "next/navigation";
import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { PanelProblem, PanelStale } from "@/app/components/github/panel";
import { RepositoryFacts } from "@/app/components/github/repository-facts";
import { requireUser } from "@/lib/auth/session";
import { hasConnection } from "@/lib/github/connection/summary";
import { getRepositoryCounts } from "@/lib/github/views/repository-counts";
import { getRepository } from "@/lib/github/views/repositories";
import { oldest } from "@/lib/github/api/staleness";
import { settle } from "@/lib/github/views/settle";
import { repositoryParams } from "./schema";
import { RepositoryTabs } from "./tabs";

// A repository's header and tabs. They stay on screen while the list below loads ((list)/loading.tsx)
// or switches tab. "Not found" is decided here, before anything is streamed, so the answer is a real
// HTTP 404; an unknown page below a repository ([...rest]) is one too, for the same reason.
export default async function RepositoryLayout({
  params,
  children,
}: {
  params: Promise<{ owner: string; repo: string }>;
  children: React.ReactNode;
}) {
  const user = await requireUser();
  const names = repositoryParams.safeParse(await params);
  if (!names.success) notFound();
  const { owner, repo } = names.data;
  if (!(await hasConnection(user.id))) {
    return (
      <section>
        <h1 tabIndex={-1}>
          {owner}/{repo}
        </h1>
        <ConnectPrompt returnTo={`/repos/${owner}/${repo}`} />
      </section>
    );
  }
  // Functions, so a stored copy shown because GitHub failed is marked "as of" instead of passing as fresh.
  const header = await settle(() => getRepository(user.id, owner, repo));
  if (header.ok && header.value === null) notFound();
  const r = header.ok ? header.value : null;
  const counts = r ? await settle(() => getRepositoryCounts(user.id, owner, repo, r.openIssuesAndPulls)) : null;
  const stale = oldest(header.ok ? header.stale : null, counts?.ok ? counts.stale : null);
  return (
    <section>
      <header className="repo-header">
        <h1 tabIndex={-1}>
          {r ? (
            <>
              <a href={r.htmlUrl}>{r.fullName}</a> <span className="pill">{r.isPrivate ? "Private" : "Public"}</span>
            </>
          ) : (
            `${owner}/${repo}`
          )}
        </h1>
        {!header.ok && <PanelProblem problem={header.problem} />}
        {stale && <PanelStale stale={stale} />}
        {r?.description && <p className="repo-description">{r.description}</p>}
        {r && <RepositoryFacts repository={r} />}
      </header>
      <RepositoryTabs base={`/repos/${owner}/${repo}`} counts={counts?.ok ? counts.value : null} />
      {children}
    </section>
  );
}
