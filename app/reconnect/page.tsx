import Link from "next/link";
import { SignOutButton } from "@/app/components/sign-out-button";
import { Time } from "@/app/components/time";
import { getConnectionSummary } from "@/lib/github/connection/summary";
import { explainEnding } from "@/lib/github/tokens/revocation";
import type { SearchParams } from "@/lib/navigation/query";
import { safeReturnTo } from "@/lib/navigation/return-to";
import { reconnectQuery } from "./schema";
import { requireUser } from "@/lib/auth/session";
import { isEnded } from "@/lib/github/connection/status";
import { connectPath } from "@/lib/navigation/paths";

export const metadata = { title: "Reconnect GitHub" };

// Where proxy.ts and pages send a person whose GitHub connection was revoked or expired. It says
// what happened and when, and waits for a click: it never sends anyone to GitHub by itself.
export default async function ReconnectPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const returnTo = safeReturnTo(reconnectQuery.parse(await searchParams).returnTo);
  const connection = await getConnectionSummary(user.id);
  // A route handler, not a page: a plain link, so Next does not fetch it as a React Server Component.
  const connectHref = connectPath(returnTo);
  const ended = isEnded(connection?.status) ? connection : null;

  return (
    <main className="landing stack">
      {ended ? (
        <>
          <h1>Reconnect GitHub</h1>
          <p className="lede">
            Your GitHub connection {ended.status === "revoked" ? "was revoked" : "expired"}
            {ended.revokedAt && (
              <>
                {" "}
                <Time value={ended.revokedAt} />
              </>
            )}{" "}
            — Hublink can no longer read your repositories.
          </p>
          {explainEnding(ended.revokedReason) && <p>{explainEnding(ended.revokedReason)}</p>}
          <p>Reconnect @{ended.login} to continue where you left off. Nothing else is lost.</p>
          <a href={connectHref} className="btn btn-primary">
            Reconnect GitHub
          </a>
        </>
      ) : connection?.status === "connected" ? (
        <>
          <h1>GitHub is connected</h1>
          <p className="lede">Your GitHub connection as @{connection.login} works.</p>
          <Link href={returnTo} className="btn btn-primary">
            Continue
          </Link>
        </>
      ) : (
        <>
          <h1>Connect GitHub</h1>
          <p className="lede">GitHub is not connected, so Hublink cannot read your repositories.</p>
          <a href={connectHref} className="btn btn-primary">
            Connect GitHub
          </a>
        </>
      )}
      <SignOutButton />
    </main>
  );
}
