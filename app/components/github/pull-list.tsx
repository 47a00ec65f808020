import type { PullRequest } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";
import { Avatar } from "./avatar";
import { EmptyState } from "./panel";
import { PullStatus } from "./pull-status";
import { itemStatus, StateIcon, stateWord } from "./state-icon";

export function PullList({ items, empty }: { items: PullRequest[]; empty: string }) {
  if (!items.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="item-list">
      {items.map((pull) => {
        const status = itemStatus(pull);
        const word = stateWord(status);
        return (
          <li key={pull.id} className="item">
            <StateIcon status={status} />
            <div className="item-main">
              <div className="item-title-row">
                <a href={pull.htmlUrl} className="item-title">
                  {pull.title}
                </a>
                {word && <span className={`pill pill-${status}`}>{word}</span>}
              </div>
              <p className="item-meta">
                #{pull.number} opened <Time value={pull.createdAt} />
                {pull.author && (
                  <>
                    {" "}
                    by <Avatar src={pull.authorAvatarUrl} size={16} /> {pull.author}
                  </>
                )}{" "}
                · <span className="branch">{pull.head}</span> → <span className="branch">{pull.base}</span>
              </p>
              <p className="item-meta item-facts">
                <PullStatus details={pull} />
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
