import type { CheckState, PullRequest, ReviewState } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";
import { EmptyState } from "./panel";

const REVIEW: Record<ReviewState, string> = {
  approved: "Approved",
  changes_requested: "Changes requested",
  commented: "Reviewed",
  review_requested: "Review requested",
  none: "No reviews",
  unavailable: "Reviews unavailable",
};

const CHECKS: Record<CheckState, string> = {
  success: "Checks passed",
  failure: "Checks failed",
  pending: "Checks pending",
  none: "No checks",
  unavailable: "Checks unavailable",
};

export function PullList({ items, empty }: { items: PullRequest[]; empty: string }) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="item-list">
      {items.map((pull) => (
        <li key={pull.id} className="item">
          <span className={`state-icon state-pr-${pull.draft ? "draft" : pull.state}`} aria-hidden="true" />
          <div className="item-main">
            <div className="item-title-row">
              <a href={pull.htmlUrl} className="item-title">
                {pull.title}
              </a>
              {pull.draft && <span className="pill">Draft</span>}
            </div>
            <p className="item-meta">
              #{pull.number} opened <Time value={pull.createdAt} as="day" />
              {pull.author && <> by {pull.author}</>} · <span className="branch">{pull.head}</span> →{" "}
              <span className="branch">{pull.base}</span>
            </p>
            <p className="item-meta item-facts">
              <span className={`status status-review-${pull.review}`}>{REVIEW[pull.review]}</span>
              <span className={`status status-checks-${pull.checks}`}>{CHECKS[pull.checks]}</span>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
