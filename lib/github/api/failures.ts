import "server-only";
import { RequestError } from "@octokit/request-error";
import { GitHubConnectionError, GitHubUnavailableError } from "./errors";

// Turns what Octokit throws into what a page can act on. Only "GitHub cannot answer now" becomes
// GitHubUnavailableError; a 404 stays itself (the page decides it is notFound()), and the
// connection's own errors pass through untouched for the revocation flow.

export function responseHeadersOf(error: unknown): Record<string, string | number | undefined> | undefined {
  return error instanceof RequestError ? error.response?.headers : undefined;
}

/** What GitHub asks after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

const isTimeout = (error: unknown) => error instanceof Error && error.name === "TimeoutError";

export function asGitHubFailure(error: unknown, timedOut: boolean, now = Date.now()): unknown {
  if (error instanceof GitHubConnectionError || error instanceof GitHubUnavailableError) return error;
  if (timedOut || isTimeout(error) || (error instanceof Error && isTimeout(error.cause))) {
    return new GitHubUnavailableError("timeout");
  }
  if (!(error instanceof RequestError)) return error;
  const status = error.status;
  const headers = error.response?.headers ?? {};
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers["retry-after"]);
    const reset = Number(headers["x-ratelimit-reset"]);
    const usedUp = headers["x-ratelimit-remaining"] === "0";
    const limited = usedUp || Number.isFinite(retryAfter) || /rate limit/i.test(error.message);
    if (limited) {
      // GitHub's rule: wait retry-after when it is sent; else, when the primary limit is used up,
      // until x-ratelimit-reset; else (a secondary limit) at least a minute. x-ratelimit-reset
      // describes the primary limit, which may reset an hour from now.
      const retryAt = Number.isFinite(retryAfter)
        ? new Date(now + retryAfter * 1000)
        : usedUp && Number.isFinite(reset)
          ? new Date(reset * 1000)
          : new Date(now + SECONDARY_LIMIT_WAIT_MS);
      return new GitHubUnavailableError("rate_limited", retryAt);
    }
  }
  if (status >= 500) {
    // @octokit/request reports a network failure as status 500 without a response.
    return new GitHubUnavailableError(error.response ? "server_error" : "unreachable");
  }
  return error;
}
