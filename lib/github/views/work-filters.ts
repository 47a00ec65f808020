import type { ItemState } from "./work-items";

// The filters of /pulls and /issues (what I opened, what waits for my review, what is assigned to
// me), apart from their loaders so query schemas and pages read them without reaching GitHub.
// GitHub App user tokens need a type qualifier in every search (is:pr / is:issue), so each filter
// names its kind. Each filter has its own whole sentence for an empty list: one built from the
// label read "No open pull requests review requested.".
/** "No open pull requests created by you." and its closed twin: the sentence most filters share. */
function emptyList(noun: string, phrase: string): Record<ItemState, string> {
  return { open: `No open ${noun} ${phrase}.`, closed: `No closed ${noun} ${phrase}.` };
}

export const PULL_FILTERS = {
  created: {
    label: "Created by you",
    qualifier: "author:@me",
    empty: emptyList("pull requests", "created by you"),
  },
  "review-requested": {
    label: "Review requested",
    qualifier: "review-requested:@me",
    empty: {
      open: "No open pull requests are waiting for your review.",
      closed: "No closed pull requests were waiting for your review.",
    },
  },
  assigned: {
    label: "Assigned to you",
    qualifier: "assignee:@me",
    empty: emptyList("pull requests", "assigned to you"),
  },
  mentioned: {
    label: "Mentioning you",
    qualifier: "mentions:@me",
    empty: emptyList("pull requests", "mention you"),
  },
} as const satisfies Record<string, WorkFilter>;

export const ISSUE_FILTERS = {
  assigned: {
    label: "Assigned to you",
    qualifier: "assignee:@me",
    empty: emptyList("issues", "assigned to you"),
  },
  created: {
    label: "Created by you",
    qualifier: "author:@me",
    empty: emptyList("issues", "created by you"),
  },
  mentioned: {
    label: "Mentioning you",
    qualifier: "mentions:@me",
    empty: emptyList("issues", "mention you"),
  },
} as const satisfies Record<string, WorkFilter>;

/** What /pulls and /issues show without a filter in the URL. */
export const DEFAULT_FILTERS = { pr: "created", issue: "assigned" } as const;

type WorkFilter = { label: string; qualifier: string; empty: Record<ItemState, string> };

export type PullFilter = keyof typeof PULL_FILTERS;
export type IssueFilter = keyof typeof ISSUE_FILTERS;
export type WorkSearch =
  { kind: "pr"; filter: PullFilter; state: ItemState } | { kind: "issue"; filter: IssueFilter; state: ItemState };

/** What /pulls and /issues say when a filter finds nothing. */
export function emptyWorkSentence(search: WorkSearch): string {
  return filterOf(search).empty[search.state];
}

export function workQuery(search: WorkSearch): string {
  return `is:${search.kind} is:${search.state} ${filterOf(search).qualifier} archived:false`;
}

function filterOf(search: WorkSearch): WorkFilter {
  return search.kind === "pr" ? PULL_FILTERS[search.filter] : ISSUE_FILTERS[search.filter];
}
