import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";

export const metadata = { title: "GitHub App installation" };

// Where GitHub's setup redirect lands when no installation flow of ours started it: an org admin
// approving someone's request, or a change made on GitHub. It confirms; it does not act.
export default async function InstallationConfirmationPage({
  searchParams,
}: {
  searchParams: Promise<{ installation_id?: string; setup_action?: string }>;
}) {
  const { installation_id: installationId, setup_action: setupAction } = await searchParams;
  const [session, installation] = await Promise.all([
    auth(),
    installationId && /^\d+$/.test(installationId)
      ? db.installation.findUnique({ where: { githubInstallationId: installationId } })
      : null,
  ]);
  const what = setupAction === "update" ? "updated" : "active";
  return (
    <main className="landing">
      <h1>GitHub App installation</h1>
      <p className="lede" role="status">
        {installation
          ? `The installation on ${installation.accountLogin} is ${installation.status === "suspended" ? "suspended" : what}.`
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
