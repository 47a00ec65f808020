import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { WorkView } from "@/app/components/github/work-view";
import { requireUser } from "@/lib/auth/session";
import { issuesQuery } from "./schema";

export const metadata = { title: "Issues" };

export default async function IssuesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { page, ...filters } = issuesQuery.parse(await searchParams);
  const search = { kind: "issue", ...filters } as const;
  return (
    <section>
      <h1>Issues</h1>
      {(await hasConnection(user.id)) ? (
        <WorkView userId={user.id} search={search} page={page} />
      ) : (
        <ConnectPrompt returnTo="/issues" />
      )}
    </section>
  );
}
