import { Suspense } from "react";
import { ConnectionBadge } from "@/app/components/connection-badge";
import { Time } from "@/app/components/time";
import { connectProblem } from "@/lib/github/connect/problems";
import {
  getConnectionSummary,
  lastRefreshedAt,
  listConnectionEvents,
  type ConnectionEventView,
  type ConnectionSummary,
} from "@/lib/github/connection/summary";
import { explainEnding } from "@/lib/github/tokens/revocation";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/config/env";
import { pendingInstallationRequests } from "@/lib/github/views/installations";
import { disconnectGitHub } from "../../actions";
import { InstallAppButton } from "@/app/components/github/install-app-prompt";
import { InstallationsPanel } from "./installations-panel";
import { connectPath } from "@/lib/navigation/paths";
import { connectionsQuery } from "./schema";

export const metadata = { title: "Connections" };

// A route handler, not a page: plain links, so Next does not try to fetch it as a React Server Component.
const CONNECT_HREF = connectPath("/settings/connections");

/** Where a person sees (and revokes) what they authorised on GitHub: OAuth apps and GitHub Apps are listed apart. */
function authorisedAppsUrl(kind: "oauth_app" | "github_app" | null): string {
  return `${getEnv().github.url}/settings/${kind === "oauth_app" ? "applications" : "apps/authorizations"}`;
}

export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { error, notice, account } = connectionsQuery.parse(await searchParams);
  const [connection, events, refreshedAt, pendingRequests] = await Promise.all([
    getConnectionSummary(user.id),
    listConnectionEvents(user.id),
    lastRefreshedAt(user.id),
    pendingInstallationRequests(user.id),
  ]);
  const githubApp = getEnv().githubApp;
  const problem = error ? connectProblem(error) : null;

  return (
    <section className="stack">
      <h1>Connections</h1>
      {problem && (
        <div className="notice notice-error" role="alert">
          <h2>{problem.title}</h2>
          {error === "identity_mismatch" && account && (
            <p>
              GitHub authorised <strong>@{account}</strong>; you are signed in to Hublink as{" "}
              <strong>@{user.login}</strong>.
            </p>
          )}
          <p>{problem.detail}</p>
          {problem.retryInstall && githubApp && (
            <InstallAppButton returnTo="/settings/connections" label="Try installing again" />
          )}
        </div>
      )}
      {notice === "disconnected" && (
        <p className="notice" role="status">
          GitHub is disconnected. GitHub confirmed that Hublink&apos;s access is revoked, and the stored tokens are
          deleted.
        </p>
      )}
      {notice === "disconnected_locally" && (
        <p className="notice notice-attention" role="status">
          GitHub is disconnected here and the stored tokens are deleted, but GitHub did not confirm that it revoked
          Hublink&apos;s access. Check your{" "}
          <a href={authorisedAppsUrl(connection?.kind ?? null)}>authorised applications on GitHub</a> and revoke Hublink
          there if it is still listed.
        </p>
      )}
      <article className="card" aria-labelledby="github-connection">
        <h2 id="github-connection">
          GitHub <ConnectionBadge status={connection?.status ?? null} />
        </h2>
        <ConnectionDetails connection={connection} refreshedAt={refreshedAt} />
      </article>
      {githubApp && (
        <article className="card" aria-labelledby="installations">
          <h2 id="installations">GitHub App installations</h2>
          {pendingRequests.map((request) => (
            <p key={request.id} className="notice notice-attention" role="status">
              Waiting for an organisation admin to approve the installation
              {request.accountLogin ? ` on ${request.accountLogin}` : ""} — requested{" "}
              <Time value={request.requestedAt} />.
            </p>
          ))}
          {connection?.status === "connected" && (
            <Suspense
              fallback={
                <div className="panel-skeleton" role="status">
                  <span className="visually-hidden">Loading installations…</span>
                </div>
              }
            >
              <InstallationsPanel userId={user.id} />
            </Suspense>
          )}
          <InstallAppButton returnTo="/settings/connections" />
        </article>
      )}
      <article className="card" aria-labelledby="history">
        <h2 id="history">History</h2>
        {events.length === 0 ? (
          <p className="muted">Nothing has happened yet.</p>
        ) : (
          <ol className="event-list">
            {events.map((event) => (
              <li key={event.id}>
                <span className="event-type">{event.type.replace("_", " ")}</span> <Time value={event.at} />
                <EventDetail event={event} />
              </li>
            ))}
          </ol>
        )}
      </article>
    </section>
  );
}

// What the lifecycle events record, in words; never a token (events hold none).
function EventDetail({ event }: { event: ConnectionEventView }) {
  const { reason, expiresAt } = event.detail;
  if (event.type === "refreshed" && typeof expiresAt === "string") {
    return (
      <span className="muted">
        {" "}
        — new token valid until it expires <Time value={new Date(expiresAt)} />
      </span>
    );
  }
  if (event.type === "refresh_failed")
    return <span className="muted"> — GitHub could not answer; the connection was kept</span>;
  const explanation = typeof reason === "string" ? explainEnding(reason) : null;
  return explanation ? <span className="muted"> — {explanation}</span> : null;
}

function ConnectionDetails({
  connection,
  refreshedAt,
}: {
  connection: ConnectionSummary | null;
  refreshedAt: Date | null;
}) {
  if (!connection || connection.status === "disconnected") {
    return (
      <>
        <p>Not connected. Connect GitHub so Hublink can show your repositories, issues and pull requests.</p>
        <a href={CONNECT_HREF} className="btn btn-primary">
          Connect GitHub
        </a>
      </>
    );
  }
  if (connection.status !== "connected") {
    const what = connection.status === "revoked" ? "revoked" : "expired";
    return (
      <>
        <p>
          {connection.status === "revoked" ? "Revoked" : "Expired"}: the connection to @{connection.login} was {what}
          {connection.revokedAt && (
            <>
              {" "}
              <Time value={connection.revokedAt} />
            </>
          )}
          . Hublink can no longer read your repositories.
        </p>
        <a href={CONNECT_HREF} className="btn btn-primary">
          Reconnect GitHub
        </a>
      </>
    );
  }
  return (
    <>
      <p className="connected-as">Connected as @{connection.login}</p>
      <dl className="facts">
        <dt>Since</dt>
        <dd>
          <Time value={connection.connectedAt} />
        </dd>
        <dt>Credentials</dt>
        <dd>{connection.kind === "github_app" ? "GitHub App user token" : "OAuth app token"}</dd>
        <dt>{connection.kind === "github_app" ? "Access" : "Scopes"}</dt>
        <dd>
          {connection.kind === "github_app"
            ? "What the GitHub App's installations grant"
            : connection.scopes.length
              ? connection.scopes.join(", ")
              : "public data only"}
        </dd>
        {connection.accessTokenExpiresAt && (
          <>
            <dt>Token expires</dt>
            <dd>
              <Time value={connection.accessTokenExpiresAt} /> (renewed automatically)
            </dd>
          </>
        )}
        {connection.kind === "github_app" && (
          <>
            <dt>Last refreshed</dt>
            <dd>{refreshedAt ? <Time value={refreshedAt} /> : "Not yet"}</dd>
          </>
        )}
        {connection.lastVerifiedAt && (
          <>
            <dt>Last verified</dt>
            <dd>
              <Time value={connection.lastVerifiedAt} />
            </dd>
          </>
        )}
      </dl>
      {/* Asks first, and says what will happen; a <details>, so it needs no script. */}
      <details className="confirm">
        <summary className="btn btn-danger">Disconnect GitHub…</summary>
        <div className="confirm-body">
          <p>
            Hublink deletes the tokens it stores for @{connection.login} and asks GitHub to revoke its access. Nothing
            changes on GitHub itself, and you can connect again at any time.
          </p>
          <form action={disconnectGitHub}>
            <button type="submit" className="btn btn-danger">
              Yes, disconnect GitHub
            </button>
          </form>
        </div>
      </details>
    </>
  );
}
