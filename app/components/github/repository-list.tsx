import Link from "next/link";
import type { Repository } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";
import { EmptyState } from "./panel";

// Repositories: the name opens Hublink's view of it, "on GitHub" its page there.
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
              <Link href={`/repos/${repo.owner}/${repo.name}`} className="item-title">
                {repo.fullName}
              </Link>
              {repo.isPrivate && <span className="pill">Private</span>}
              <a href={repo.htmlUrl} className="item-external" aria-label={`${repo.fullName} on GitHub`}>
                on GitHub
              </a>
            </div>
            {!compact && repo.description && <p className="item-description">{repo.description}</p>}
            {!compact && (
              <p className="item-meta item-facts">
                {repo.language && <span className="language">{repo.language}</span>}
                <span aria-label={`${repo.stars} stars`}>★ {repo.stars}</span>
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
