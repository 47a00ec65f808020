import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { WorkView } from "@/app/components/github/work-view";
import { requireUser } from "@/lib/auth/session";
import { pullsQuery } from "./schema";

export const metadata = { title: "Pull requests" };

export default async function PullRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { page, ...filters } = pullsQuery.parse(await searchParams);
  const search = { kind: "pr", ...filters } as const;
  return (
    <section>
      <h1>Pull requests</h1>
      {(await hasConnection(user.id)) ? (
        <WorkView userId={user.id} search={search} page={page} />
      ) : (
        <ConnectPrompt returnTo="/pulls" />
      )}
    </section>
  );
}
