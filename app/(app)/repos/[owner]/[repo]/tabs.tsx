"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { LinkPending } from "@/app/components/link-pending";
import type { RepositoryCounts } from "@/lib/github/views/repository-counts";

// The Issues / Pull requests tabs. A client component because the layout that holds them does not
// re-render when only the query string changes: the current tab follows the URL here, and a tab
// shows that it is loading the moment it is clicked.

export function RepositoryTabs({ base, counts }: { base: string; counts: RepositoryCounts | null }) {
  const query = useSearchParams();
  // Below the repository's own page (a not-found page) no tab is the current one.
  const tab = usePathname() !== base ? null : query.get("tab") === "pulls" ? "pulls" : "issues";
  const tabs = [
    { key: "issues", label: "Issues", href: base, count: counts?.openIssues },
    { key: "pulls", label: "Pull requests", href: `${base}?tab=pulls`, count: counts?.openPulls },
  ] as const;
  return (
    <nav className="tabs" aria-label="Repository">
      {tabs.map(({ key, label, href, count }) => (
        <Link key={key} href={href} aria-current={tab === key ? "page" : undefined}>
          {label}{" "}
          {count !== undefined && (
            <span className="counter">
              {count}
              <span className="visually-hidden"> open</span>
            </span>
          )}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}
