// The small objects the dashboard pages render: repositories, issues and pull requests as a person
// sees them, shaped from GitHub's REST answers (never the raw answers: pages get what they show).
import type { IssueAnswer, RepositoryAnswer } from "./answers";

export type Repository = {
  fullName: string;
  owner: string;
  name: string;
  htmlUrl: string;
  description: string | null;
  isPrivate: boolean;
  language: string | null;
  stars: number;
  updatedAt: Date | null;
};

export type Label = { name: string; color: string };

/** Someone shown beside an item: their login and GitHub avatar. */
export type Person = { login: string; avatarUrl: string };

export type Issue = {
  id: number;
  number: number;
  title: string;
  htmlUrl: string;
  repository: string;
  author: string | null;
  authorAvatarUrl: string | null;
  state: "open" | "closed";
  /** Why a closed issue was closed (GitHub's icons differ); null while open or unknown. */
  stateReason: StateReason | null;
  /** A pull request found by search that was merged (search results carry pull_request.merged_at). */
  merged: boolean;
  labels: Label[];
  assignees: Person[];
  comments: number;
  createdAt: Date;
  isPullRequest: boolean;
  draft: boolean;
  /** Review and CI of a pull request, when the list looks them up: they arrive after the list. */
  pullDetails?: Promise<PullDetails>;
};

/** "unavailable": GitHub did not answer the look-up for this item; the rest of the list stands. */
export type ReviewState = "approved" | "changes_requested" | "commented" | "review_requested" | "none" | "unavailable";
export type CheckState = "success" | "failure" | "pending" | "none" | "unavailable";

/** One check run or commit status, and what reported it ("GitHub Actions", "commit status"). */
export type CheckSource = { name: string; state: CheckState; via: string };
/** CI of a commit: check runs and commit statuses combined, as GitHub's pull request list shows it. */
export type Checks = { state: CheckState; sources: CheckSource[] };
export type PullDetails = {
  review: ReviewState;
  checks: Checks;
  /** Shown from stored copies because GitHub could not answer: when it last confirmed them. */
  asOf?: Date;
};

export type PullRequest = {
  id: number;
  number: number;
  title: string;
  htmlUrl: string;
  author: string | null;
  authorAvatarUrl: string | null;
  head: string;
  base: string;
  draft: boolean;
  state: "open" | "closed";
  merged: boolean;
  createdAt: Date;
  review: ReviewState;
  checks: Checks;
};

export type Listing<T> = {
  items: T[];
  /** Items GitHub sent that did not have the shape Hublink reads: left out, and said so. */
  skipped: number;
  page: number;
  lastPage: number;
  hasPrevious: boolean;
  hasNext: boolean;
  total: number | null;
};

export function toRepository(json: RepositoryAnswer): Repository {
  return {
    fullName: json.full_name,
    owner: json.owner.login,
    name: json.name,
    htmlUrl: json.html_url,
    description: json.description ?? null,
    isPrivate: json.private,
    language: json.language ?? null,
    stars: json.stargazers_count ?? 0,
    updatedAt: json.updated_at ? new Date(json.updated_at) : null,
  };
}

/** An issue from /repos/…/issues or /search/issues (both carry repository_url, not the repository). */
export function toIssue(json: IssueAnswer): Issue {
  return {
    id: json.id,
    number: json.number,
    title: json.title,
    htmlUrl: json.html_url,
    repository: json.repository_url.split("/repos/").at(-1) ?? "",
    author: json.user?.login ?? null,
    authorAvatarUrl: json.user?.avatar_url ?? null,
    state: json.state === "closed" ? "closed" : "open",
    stateReason: toStateReason(json.state_reason),
    merged: Boolean(json.pull_request?.merged_at),
    labels: json.labels.flatMap((label) =>
      typeof label === "string"
        ? [{ name: label, color: "ededed" }]
        : label.name
          ? [{ name: label.name, color: label.color ?? "ededed" }]
          : [],
    ),
    assignees: (json.assignees ?? []).map((a) => ({ login: a.login, avatarUrl: a.avatar_url ?? "" })),
    comments: json.comments,
    createdAt: new Date(json.created_at),
    isPullRequest: json.pull_request !== undefined && json.pull_request !== null,
    draft: json.draft ?? false,
  };
}

/**
 * GitHub's reasons for closing an issue ("reopened" belongs to open ones). A duplicate is shown like
 * not planned, as GitHub shows it, but says that it is a duplicate.
 */
const STATE_REASONS = ["completed", "not_planned", "duplicate"] as const;
export type StateReason = (typeof STATE_REASONS)[number];

function toStateReason(reason: string | null | undefined): Issue["stateReason"] {
  return STATE_REASONS.find((known) => known === reason) ?? null;
}

/**
 * One word for a pull request's reviews, as GitHub's list shows it: a reviewer's latest review
 * counts; any "changes requested" wins, then "approved"; pending requests before mere comments.
 * A dismissed review (GitHub changes its state to DISMISSED) withdraws that reviewer's verdict: an
 * earlier one does not come back.
 */
export function summarizeReviews(
  reviews: { user: { login: string } | null; state: string }[],
  requestedReviewers: number,
): ReviewState {
  const latest = new Map<string, string>();
  for (const review of reviews) {
    if (!review.user || review.state === "PENDING") continue;
    // A comment after an approval does not withdraw the approval.
    if (review.state === "COMMENTED" && latest.has(review.user.login)) continue;
    latest.set(review.user.login, review.state);
  }
  const states = [...latest.values()];
  if (states.includes("CHANGES_REQUESTED")) return "changes_requested";
  if (states.includes("APPROVED")) return "approved";
  if (requestedReviewers > 0) return "review_requested";
  return states.length ? "commented" : "none";
}

/** The state filter of every list: GitHub's own words. */
export type ItemState = "open" | "closed";
