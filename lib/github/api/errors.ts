import { RequestError } from "@octokit/request-error";

// Typed failures of talking to GitHub on a person's behalf. Pages turn them into what the person
// can do next; none of them carries a token.

export type ConnectionProblemCode = "not_connected" | "revoked" | "expired";

/** The stored connection cannot be used: connect (or reconnect) first. */
export class GitHubConnectionError extends Error {
  constructor(readonly code: ConnectionProblemCode) {
    super(`GitHub connection unusable: ${code}`);
    this.name = "GitHubConnectionError";
  }
}

/** `refused`: GitHub answered this one request with a 4xx (a server without the endpoint, a query it rejects). */
export type UnavailableReason = "server_error" | "timeout" | "unreachable" | "rate_limited" | "refused";

/** GitHub could not answer now (5xx, timeout, network, rate limit). Tokens are kept; try again later. */
export class GitHubUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    /** When a rate limit resets, if GitHub said. */
    readonly retryAt: Date | null = null,
  ) {
    super(`GitHub unavailable: ${reason}`);
    this.name = "GitHubUnavailableError";
  }
}

/** The HTTP status GitHub answered with, when the failure is one of @octokit/request's answers. */
export function httpStatusOf(error: unknown): number | undefined {
  return error instanceof RequestError ? error.status : undefined;
}
