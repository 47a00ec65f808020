import {
  GitMergeIcon,
  GitPullRequestClosedIcon,
  GitPullRequestDraftIcon,
  GitPullRequestIcon,
  IssueClosedIcon,
  IssueOpenedIcon,
  SkipIcon,
} from "@primer/octicons-react";
import type { StateReason } from "@/lib/github/views/work-items";

// GitHub's state icons for issues and pull requests: shape and colour both say the state, and the
// word is in the icon's accessible name, so neither colour nor shape alone carries it.

export type ItemStatus =
  | "issue-open"
  | "issue-closed"
  | "issue-not-planned"
  | "issue-duplicate"
  | "pr-open"
  | "pr-draft"
  | "pr-closed"
  | "pr-merged";

const ICONS = {
  "issue-open": { Icon: IssueOpenedIcon, label: "Open issue" },
  "issue-closed": { Icon: IssueClosedIcon, label: "Closed issue (completed)" },
  "issue-not-planned": { Icon: SkipIcon, label: "Closed issue (not planned)" },
  // GitHub draws a duplicate as it draws not planned (grey, skip); the label tells them apart.
  "issue-duplicate": { Icon: SkipIcon, label: "Closed as duplicate" },
  "pr-open": { Icon: GitPullRequestIcon, label: "Open pull request" },
  "pr-draft": { Icon: GitPullRequestDraftIcon, label: "Draft pull request" },
  "pr-closed": { Icon: GitPullRequestClosedIcon, label: "Closed pull request" },
  "pr-merged": { Icon: GitMergeIcon, label: "Merged pull request" },
} as const;

export function itemStatus(item: {
  isPullRequest?: boolean;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  stateReason?: StateReason | null;
}): ItemStatus {
  if (item.isPullRequest === false) {
    if (item.state === "open") return "issue-open";
    if (item.stateReason === "not_planned") return "issue-not-planned";
    return item.stateReason === "duplicate" ? "issue-duplicate" : "issue-closed";
  }
  if (item.merged) return "pr-merged";
  if (item.state === "closed") return "pr-closed";
  return item.draft ? "pr-draft" : "pr-open";
}

export function StateIcon({ status }: { status: ItemStatus }) {
  const { Icon, label } = ICONS[status];
  return <Icon className={`state-icon state-${status}`} aria-label={label} size={16} />;
}

/** "Merged", "Closed", "Draft" — the word GitHub puts beside a pull request that is not plainly open. */
export function stateWord(status: ItemStatus): string | null {
  return status === "pr-merged" ? "Merged" : status === "pr-closed" ? "Closed" : status === "pr-draft" ? "Draft" : null;
}
