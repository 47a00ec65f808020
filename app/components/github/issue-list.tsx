import type { Issue } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";
import { Labels } from "./labels";
import { EmptyState } from "./panel";

// Issues (or pull requests found by search), each linking to its page on GitHub.
export function IssueList({
  items,
  empty,
  showRepository = true,
}: {
  items: Issue[];
  empty: string;
  showRepository?: boolean;
}) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="item-list">
      {items.map((issue) => (
        <li key={issue.id} className="item">
          <span
            className={`state-icon state-${issue.isPullRequest ? "pr" : "issue"}-${issue.draft ? "draft" : issue.state}`}
            aria-hidden="true"
          />
          <div className="item-main">
            <div className="item-title-row">
              {showRepository && <span className="item-repo">{issue.repository}</span>}
              <a href={issue.htmlUrl} className="item-title">
                {issue.title}
              </a>
              {issue.draft && <span className="pill">Draft</span>}
              <Labels labels={issue.labels} />
            </div>
            <p className="item-meta">
              #{issue.number} opened <Time value={issue.createdAt} as="day" />
              {issue.author && <> by {issue.author}</>}
              {issue.assignees.length > 0 && <> · assigned to {issue.assignees.join(", ")}</>}
              {issue.comments > 0 && (
                <>
                  {" "}
                  · {issue.comments} {issue.comments === 1 ? "comment" : "comments"}
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
