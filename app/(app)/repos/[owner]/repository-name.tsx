"use client";

import { useParams } from "next/navigation";

/** The owner/name from the URL: a not-found page receives no params, but the client router has them. */
export function RepositoryName() {
  const { owner, repo } = useParams<{ owner?: string; repo?: string }>();
  return <strong>{[owner, repo].filter(Boolean).join("/")}</strong>;
}
