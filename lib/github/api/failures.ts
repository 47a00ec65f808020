import "server-only";
import { RequestError } from "@octokit/request-error";
import { GitHubConnectionError, GitHubUnavailableError } from "./errors";

// Turns what Octokit throws into what a page can act on. Only "GitHub cannot answer now" becomes
// GitHubUnavailableError; a 404 stays itself (the page decides it is notFound()), and the
// connection's own errors pass through untouched for the revocation flow.

export function responseHeadersOf(error: unknown): Record<string, string | number | undefined> | undefined {
  return error instanceof RequestError ? error.response?.headers : undefined;
}

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
    const limited =
      headers["x-ratelimit-remaining"] === "0" || Number.isFinite(retryAfter) || /rate limit/i.test(error.message);
    if (limited) {
      const retryAt = Number.isFinite(retryAfter)
        ? new Date(now + retryAfter * 1000)
        : Number.isFinite(reset)
          ? new Date(reset * 1000)
          : null;
      return new GitHubUnavailableError("rate_limited", retryAt);
    }
  }
  if (status >= 500) {
    // @octokit/request reports a network failure as status 500 without a response.
    return new GitHubUnavailableError(error.response ? "server_error" : "unreachable");
  }
  return error;
}
