import { Time } from "@/app/components/time";
import { GitHubConnectionError } from "@/lib/github/api/errors";
import { logger } from "@/lib/ops/logger";
import {
  installationSettingsUrl,
  loadInstallations,
  type InstallationWithRepositories,
} from "@/lib/github/views/installations";

// Streams in under its own Suspense boundary: it asks GitHub, the rest of the page does not.
export async function InstallationsPanel({ userId }: { userId: string }) {
  let installations: InstallationWithRepositories[];
  try {
    installations = await loadInstallations(userId);
  } catch (error) {
    if (error instanceof GitHubConnectionError)
      return <p className="muted">Connect GitHub to see where Hublink&apos;s app is installed.</p>;
    logger().warn(`installations panel: ${(error as Error).name}`);
    return (
      <p className="notice notice-error" role="alert">
        GitHub could not list your installations right now. Reload the page to try again.
      </p>
    );
  }
  if (installations.length === 0) {
    return (
      <p>
        Hublink&apos;s GitHub App is not installed on any account you can see. Install it to choose which repositories
        Hublink may read.
      </p>
    );
  }
  return (
    <ul className="installation-list" aria-label="Installations">
      {installations.map((installation) => (
        <li key={installation.id} className="installation">
          <div className="installation-head">
            {installation.accountAvatarUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- avatars come from the configured GitHub host
              <img src={installation.accountAvatarUrl} alt="" width={20} height={20} className="avatar" />
            )}
            <strong>{installation.accountLogin}</strong>
            <span className="muted">
              {installation.accountType === "Organization" ? "organization" : "personal account"}
            </span>
            {installation.suspendedAt ? (
              <span className="badge badge-revoked">
                Suspended since <Time value={installation.suspendedAt} />
              </span>
            ) : (
              <span className="badge badge-connected">Active</span>
            )}
            <a href={installationSettingsUrl(installation)} className="installation-configure">
              Configure on GitHub
            </a>
          </div>
          <p>
            {installation.repositorySelection === "all" ? "All repositories" : "Selected repositories"}
            {" · "}
            <span className="muted">
              {Object.entries(installation.permissions)
                .map(([name, level]) => `${name.replace(/_/g, " ")}: ${level}`)
                .join(", ")}
            </span>
          </p>
          {installation.repositories && (
            <ul className="repo-chips" aria-label={`Repositories on ${installation.accountLogin}`}>
              {installation.repositories.map((repo) => (
                <li key={repo.fullName}>
                  <a href={repo.htmlUrl}>{repo.fullName}</a>
                  {repo.private && <span className="badge">Private</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
