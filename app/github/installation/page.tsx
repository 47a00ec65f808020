import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { installationVisibleTo } from "@/lib/github/views/installations";
import type { SearchParams } from "@/lib/navigation/query";
import { installationQuery } from "./schema";

export const metadata = { title: "GitHub App installation" };

// Where GitHub's setup redirect lands when no installation flow of ours started it: an org admin
// approving someone's request, or a change made on GitHub. It confirms; it does not act. Which
// account an installation is on, and its status, are shown only to a signed-in person whose own
// GitHub installations include it — the id in the URL is anyone's to type.
export default async function InstallationConfirmationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { installation_id: installationId, setup_action: setupAction } = installationQuery.parse(await searchParams);
  const session = await auth();
  const installation =
    session?.user && installationId ? await installationVisibleTo(session.user.id, installationId) : null;
  const what = setupAction === "update" ? "updated" : "active";
  return (
    <main className="landing">
      <h1>GitHub App installation</h1>
      <p className="lede" role="status">
        {installation
          ? `The installation on ${installation.accountLogin} is ${installation.suspendedAt ? "suspended" : what}.`
          : `GitHub reports the installation as ${what}. It appears in Hublink as soon as GitHub notifies us.`}
      </p>
      <p>Whoever requested it sees it on their Hublink pages on their next visit.</p>
      {session?.user ? (
        <Link href="/settings/connections" className="btn btn-primary">
          Go to your connections
        </Link>
      ) : (
        <Link href="/" className="btn btn-primary">
          Go to Hublink
        </Link>
      )}
    </main>
  );
}
