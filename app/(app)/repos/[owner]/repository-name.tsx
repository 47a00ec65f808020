"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

// A not-found page receives no params, but the client router has them.

/** The owner/name from the URL. */
export function RepositoryName() {
  const { owner, repo } = useParams<{ owner?: string; repo?: string }>();
  return <strong>{[owner, repo].filter(Boolean).join("/")}</strong>;
}

/** A link to the repository's page named in the URL. */
export function RepositoryLink({ children }: { children: React.ReactNode }) {
  const { owner, repo } = useParams<{ owner?: string; repo?: string }>();
  return <Link href={`/repos/${owner}/${repo}`}>{children}</Link>;
}
