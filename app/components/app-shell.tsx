import Link from "next/link";
import { ConnectionBadge } from "@/app/components/connection-badge";
import { FlashNotice } from "@/app/components/flash-notice";
import { RateLimitNote } from "@/app/components/github/rate-limit-note";
import { PendingApprovalNotice, RouteFocus, ShellNav } from "@/app/components/shell-nav";
import { SignOutButton } from "@/app/components/sign-out-button";
import type { SignedInUser } from "@/lib/auth/session";
import { isEnded } from "@/lib/github/connection/status";
import { getConnectionSummary } from "@/lib/github/connection/summary";
import { pendingInstallationRequests } from "@/lib/github/views/installations";
import { redirectToReconnect } from "@/lib/github/views/settle";

// The shell of every signed-in page: header and navigation render at once; pages stream inside.
// A component rather than only the (app) layout because the app's not-found page for an address
// no route matches (app/not-found.tsx) shows the same shell to a signed-in person.
export async function AppShell({ user, children }: { user: SignedInUser; children: React.ReactNode }) {
  const [connection, pendingRequests] = await Promise.all([
    getConnectionSummary(user.id),
    pendingInstallationRequests(user.id),
  ]);
  // proxy.ts normally sends these to /reconnect first; this holds wherever it did not run.
  if (isEnded(connection?.status)) await redirectToReconnect();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <RouteFocus />
      <header className="shell-header">
        <Link href="/dashboard" className="brand">
          Hublink
        </Link>
        <ShellNav />
        <div className="shell-user">
          <Link href="/settings/connections" className="shell-status" title="Your GitHub connection">
            GitHub <ConnectionBadge status={connection?.status ?? null} />
          </Link>
          {user.image && (
            // eslint-disable-next-line @next/next/no-img-element -- avatars come from the configured GitHub host, not a fixed domain
            <img src={user.image} alt="" width={24} height={24} className="avatar" />
          )}
          <span className="shell-login">@{user.login ?? user.name}</span>
          <SignOutButton small />
        </div>
      </header>
      <main className="shell-main" id="main" tabIndex={-1}>
        <FlashNotice />
        {pendingRequests.length > 0 && <PendingApprovalNotice />}
        {children}
      </main>
      <footer className="shell-footer">
        <RateLimitNote userId={user.id} />
      </footer>
    </div>
  );
}
