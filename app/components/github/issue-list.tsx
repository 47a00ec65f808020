import { Suspense } from "react";
import type { Issue, PullDetails } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";
import { AssigneeAvatars, Avatar } from "./avatar";
import { Labels } from "./labels";
import { EmptyState } from "./panel";
import { PullStatus, PullStatusPending } from "./pull-status";
import { itemStatus, StateIcon, stateWord } from "./state-icon";

/** A pull request's review state and CI, streamed in after the list (see withPullDetails). */
async function AwaitedPullStatus({ details }: { details: Promise<PullDetails> }) {
  return <PullStatus details={await details} />;
}

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
      {items.map((issue) => {
        const status = itemStatus(issue);
        const word = stateWord(status);
        return (
          <li key={issue.id} className="item">
            <StateIcon status={status} />
            <div className="item-main">
              <div className="item-title-row">
                {showRepository && <span className="item-repo">{issue.repository}</span>}
                <a href={issue.htmlUrl} className="item-title">
                  {issue.title}
                </a>
                {word && <span className={`pill pill-${status}`}>{word}</span>}
                <Labels labels={issue.labels} />
              </div>
              <p className="item-meta">
                #{issue.number} opened <Time value={issue.createdAt} />
                {issue.author && (
                  <>
                    {" "}
                    by <Avatar src={issue.authorAvatarUrl} size={16} /> {issue.author}
                  </>
                )}
                {issue.comments > 0 && (
                  <>
                    {" "}
                    · {issue.comments} {issue.comments === 1 ? "comment" : "comments"}
                  </>
                )}
              </p>
              {issue.pullDetails && (
                <p className="item-meta item-facts">
                  <Suspense fallback={<PullStatusPending />}>
                    <AwaitedPullStatus details={issue.pullDetails} />
                  </Suspense>
                </p>
              )}
            </div>
            <AssigneeAvatars people={issue.assignees} />
          </li>
        );
      })}
    </ul>
  );
}
