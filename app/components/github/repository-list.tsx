import Link from "next/link";
import type { Repository } from "@/lib/github/views/work-items";
import { plural } from "@/app/components/plural";
import { Time } from "@/app/components/time";
import { Language } from "./language";
import { EmptyState } from "./panel";

// Repositories: the name (one tab stop per row) opens Hublink's view of it; that page links to GitHub.
export function RepositoryList({
  items,
  empty,
  compact = false,
}: {
  items: Repository[];
  empty: string;
  compact?: boolean;
}) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className={compact ? "item-list item-list-compact" : "item-list"}>
      {items.map((repo) => (
        <li key={repo.fullName} className="item">
          <div className="item-main">
            <div className="item-title-row">
              {/* Not prefetched: a repository page reads GitHub before it streams (to answer 404 when it must). */}
              <Link href={`/repos/${repo.owner}/${repo.name}`} className="item-title" prefetch={false}>
                {repo.fullName}
              </Link>
              {repo.isPrivate && <span className="pill">Private</span>}
            </div>
            {!compact && repo.description && <p className="item-description">{repo.description}</p>}
            {!compact && (
              <p className="item-meta item-facts">
                {repo.language && <Language name={repo.language} />}
                <span>
                  <span aria-hidden="true">★</span> {repo.stars}{" "}
                  <span className="visually-hidden">{plural(repo.stars, "star")}</span>
                </span>
                {repo.updatedAt && (
                  <span>
                    Updated <Time value={repo.updatedAt} />
                  </span>
                )}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
