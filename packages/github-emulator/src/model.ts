// The emulator's world, in GitHub's words. Plain data: shapes.ts turns it into API JSON.

export type AccountType = "User" | "Organization";

export interface Account {
  id: number;
  login: string;
  type: AccountType;
  name: string;
  email: string | null;
  company: string | null;
  location: string | null;
  bio: string | null;
  followers: number;
  following: number;
  createdAt: string;
}

export interface Org extends Account {
  type: "Organization";
  admins: string[];
  members: string[];
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  language: string | null;
  defaultBranch: string;
  stars: number;
  forks: number;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  /** Users with write access besides the owner (and org members for org repos). */
  collaborators: string[];
  /** Number of generated issues for big repos; they are built on first read to keep startup fast. */
  lazyIssueCount?: number;
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
export type StatusState = "success" | "failure" | "pending" | "error";
/** The reasons GitHub's API takes for closing an issue (it answers "reopened" for a reopened one). */
export const STATE_REASONS = ["completed", "not_planned", "duplicate"] as const;
export type StateReason = (typeof STATE_REASONS)[number];

/** A check run's outcome as the emulator seeds it: a conclusion once completed, else its status. */
export type CheckRunState = "success" | "failure" | "neutral" | "skipped" | "cancelled" | "in_progress" | "queued";

export interface PullInfo {
  id: number;
  head: string;
  base: string;
  headSha: string;
  draft: boolean;
  requestedReviewers: string[];
  /** Slugs of teams (of the repository's owner) asked for a review, as CODEOWNERS asks them. */
  requestedTeams?: string[];
  reviews: { id: number; user: string; state: ReviewState; submittedAt: string }[];
  statuses: { id: number; context: string; state: StatusState; description: string }[];
  /** Checks API runs on the head commit (GitHub Actions reports through these, not statuses). */
  checkRuns: { id: number; name: string; state: CheckRunState; startedAt: string }[];
  mergedAt: string | null;
}

export interface Issue {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: "open" | "closed";
  labels: string[];
  assignees: string[];
  comments: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Why a closed issue was closed; GitHub's default is "completed". */
  stateReason?: StateReason;
  pull?: PullInfo;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string;
}

export interface OAuthApp {
  kind: "oauth_app";
  name: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
}

export type Permissions = Record<string, "read" | "write" | "admin">;

export interface GitHubApp {
  kind: "github_app";
  id: number;
  slug: string;
  name: string;
  clientId: string;
  clientSecret: string;
  webhookSecret: string;
  webhookUrl: string | null;
  callbackUrls: string[];
  setupUrl: string | null;
  requestOAuthOnInstall: boolean;
  expireUserTokens: boolean;
  permissions: Permissions;
  events: string[];
}

export type RegisteredApp = OAuthApp | GitHubApp;

export interface AccessToken {
  value: string;
  clientId: string;
  login: string;
  scopes: string[];
  id: number;
  createdAt: number;
  /** Epoch ms; undefined for non-expiring OAuth-app tokens. */
  expiresAt?: number;
  revoked: boolean;
}

export interface RefreshToken {
  value: string;
  clientId: string;
  login: string;
  scopes: string[];
  accessToken: string;
  expiresAt: number;
  used: boolean;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  login: string;
  scopes: string[];
  /** The redirect_uri given at authorize, or the registered callback when none was given. */
  redirectUri: string;
  redirectUriGiven: boolean;
  codeChallenge?: string;
  createdAt: number;
  used: boolean;
}

export interface Installation {
  id: number;
  appId: number;
  account: string;
  repositorySelection: "all" | "selected";
  repositoryIds: number[];
  createdAt: string;
  updatedAt: string;
  suspendedAt: string | null;
  suspendedBy: string | null;
}

export interface InstallationRequest {
  id: number;
  appId: number;
  account: string;
  requester: string;
  repositorySelection: "all" | "selected";
  repositoryIds: number[];
  createdAt: string;
}
