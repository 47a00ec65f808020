import Link from "next/link";
import { getEnv } from "@/lib/config/env";
import { RepositoryName } from "./repository-name";

// A repository GitHub does not show this connection: it does not exist, or it is private and
// Hublink's GitHub App is not installed on it (GitHub answers 404 for both, never 403).
export default function RepositoryNotFound() {
  const { github, githubApp } = getEnv();
  return (
    <section className="notice">
      <h1 tabIndex={-1}>
        Repository <RepositoryName /> not found
      </h1>
      <p>
        GitHub does not show Hublink this repository. It may not exist, or it is private and Hublink&apos;s GitHub App
        may not have access to it.
      </p>
      <p className="actions">
        {githubApp && (
          <a href={`${github.url}/apps/${githubApp.slug}/installations/new`} className="btn btn-primary">
            Configure the GitHub App installation
          </a>
        )}
        <Link href="/repos" className="btn">
          Your repositories
        </Link>
      </p>
    </section>
  );
}
