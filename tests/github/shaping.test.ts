import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { GitHubConnectionError } from "@/lib/github/api/errors";
import { asGitHubFailure } from "@/lib/github/api/failures";
import { pageInfoFromLink } from "@/lib/github/api/pagination";
import { checkRunState, combineChecks, statusState } from "@/lib/github/views/ci-state";
import { summarizeReviews } from "@/lib/github/views/work-items";

// The small decisions behind what the pages say, at their edges.

const link = (rels: Record<string, number>) =>
  Object.entries(rels)
    .map(([rel, page]) => `<https://api.github.com/user/repos?per_page=30&page=${page}>; rel="${rel}"`)
    .join(", ");

describe("pages from GitHub's Link header", () => {
  it("knows the last page from the middle, and that the last page is last", () => {
    expect(pageInfoFromLink(link({ prev: 2, next: 4, last: 9, first: 1 }), 3)).toEqual({
      page: 3,
      lastPage: 9,
      hasPrevious: true,
      hasNext: true,
    });
    expect(pageInfoFromLink(link({ prev: 8, first: 1 }), 9)).toEqual({
      page: 9,
      lastPage: 9,
      hasPrevious: true,
      hasNext: false,
    });
    expect(pageInfoFromLink(undefined, 1)).toEqual({ page: 1, lastPage: 1, hasPrevious: false, hasNext: false });
  });
  it("reads relative URLs, parameters in any order and unquoted relations (RFC 8288)", () => {
    const expected = { page: 2, lastPage: 5, hasPrevious: true, hasNext: true };
    expect(pageInfoFromLink('</user/repos?page=3>; rel="next", </user/repos?page=5>; rel="last"', 2)).toEqual(expected);
    expect(
      pageInfoFromLink(
        '<https://git.example/api/v1/user/repos?page=3&limit=30>; type="application/json"; rel="next",' +
          " <https://git.example/api/v1/user/repos?page=5&limit=30>;rel=last",
        2,
      ),
    ).toEqual(expected);
  });
});

describe("review state", () => {
  const review = (login: string, state: string) => ({ user: { login }, state });
  it("takes each reviewer's latest word; changes requested outweigh approvals", () => {
    expect(summarizeReviews([review("a", "APPROVED"), review("b", "CHANGES_REQUESTED")], 0)).toBe("changes_requested");
    expect(summarizeReviews([review("a", "CHANGES_REQUESTED"), review("a", "APPROVED")], 0)).toBe("approved");
    expect(summarizeReviews([review("a", "APPROVED"), review("a", "COMMENTED")], 0)).toBe("approved");
    expect(summarizeReviews([review("a", "COMMENTED")], 1)).toBe("review_requested");
    expect(summarizeReviews([review("a", "COMMENTED")], 0)).toBe("commented");
    expect(summarizeReviews([], 0)).toBe("none");
  });
  it("a dismissed review withdraws that reviewer's verdict; an earlier one does not come back", () => {
    // Changes requested, then approved; a push dismissed the approval (branch protection).
    expect(summarizeReviews([review("a", "CHANGES_REQUESTED"), review("a", "DISMISSED")], 0)).toBe("commented");
    expect(summarizeReviews([review("a", "APPROVED"), review("a", "DISMISSED")], 1)).toBe("review_requested");
    expect(summarizeReviews([review("a", "DISMISSED"), review("a", "COMMENTED")], 0)).toBe("commented");
    expect(summarizeReviews([review("a", "DISMISSED"), review("a", "APPROVED")], 0)).toBe("approved");
    expect(summarizeReviews([review("a", "DISMISSED"), review("b", "APPROVED")], 0)).toBe("approved");
  });
  it("combines check runs and commit statuses into one CI state, as GitHub's list does", () => {
    const source = (state: ReturnType<typeof statusState>) => ({ name: "x", state, via: "GitHub Actions" });
    expect(combineChecks([]).state).toBe("none");
    expect(combineChecks([source("success"), source("pending")]).state).toBe("pending");
    expect(combineChecks([source("pending"), source("failure"), source("success")]).state).toBe("failure");
    expect(combineChecks([source("success")]).state).toBe("success");
    expect(statusState("error")).toBe("failure");
    expect(checkRunState({ status: "in_progress", conclusion: null })).toBe("pending");
    expect(checkRunState({ status: "completed", conclusion: "skipped" })).toBe("success");
    expect(checkRunState({ status: "completed", conclusion: "cancelled" })).toBe("failure");
  });
  it("never calls a completed check run pending: stale passes like neutral, an unknown conclusion fails", () => {
    // GitHub marks a run it gave up on "stale" and shows it grey, as it shows neutral and skipped runs.
    expect(checkRunState({ status: "completed", conclusion: "stale" })).toBe("success");
    expect(checkRunState({ status: "completed", conclusion: "neutral" })).toBe("success");
    // A conclusion newer than this code: finished, and not one GitHub lets pass a required check.
    expect(checkRunState({ status: "completed", conclusion: "exploded" })).toBe("failure");
    expect(checkRunState({ status: "completed", conclusion: null })).toBe("failure");
    expect(checkRunState({ status: "queued", conclusion: null })).toBe("pending");
  });
});

describe("GitHub failures", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  // What @octokit/request throws: a RequestError, with GitHub's answer when there was one.
  const request = { method: "GET" as const, url: "https://api.github.com/user", headers: {} };
  const answer = (status: number, headers: Record<string, string> = {}, message = "") =>
    new RequestError(message, status, { request, response: { status, url: request.url, headers, data: {} } });

  it("a rate limit says when it resets: retry-after first, else x-ratelimit-reset", () => {
    expect(asGitHubFailure(answer(429, { "retry-after": "60" }), false, now)).toMatchObject({
      reason: "rate_limited",
      retryAt: new Date(now + 60_000),
    });
    expect(
      asGitHubFailure(answer(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1767272400" }), false, now),
    ).toMatchObject({
      reason: "rate_limited",
      retryAt: new Date(1767272400 * 1000),
    });
    // A secondary limit without retry-after: at least a minute, as GitHub asks — not the primary
    // limit's reset, which its x-ratelimit-reset still describes.
    const secondary = "You have exceeded a secondary rate limit.";
    expect(asGitHubFailure(answer(403, {}, secondary), false, now)).toMatchObject({
      reason: "rate_limited",
      retryAt: new Date(now + 60_000),
    });
    expect(
      asGitHubFailure(
        answer(403, { "x-ratelimit-remaining": "4321", "x-ratelimit-reset": String(now / 1000 + 3000) }, secondary),
        false,
        now,
      ),
    ).toMatchObject({ reason: "rate_limited", retryAt: new Date(now + 60_000) });
  });

  it("a 429 is a rate limit whatever its body says; retry-after may be an HTTP date", () => {
    expect(asGitHubFailure(answer(429, {}, "<html>Too Many Requests</html>"), false, now)).toMatchObject({
      reason: "rate_limited",
      retryAt: new Date(now + 60_000),
    });
    const at = new Date(now + 90_000);
    expect(asGitHubFailure(answer(429, { "retry-after": at.toUTCString() }), false, now)).toMatchObject({
      reason: "rate_limited",
      retryAt: at,
    });
    const secondary = "You have exceeded a secondary rate limit.";
    expect(asGitHubFailure(answer(403, { "retry-after": at.toUTCString() }, secondary), false, now)).toMatchObject({
      reason: "rate_limited",
      retryAt: at,
    });
  });

  it("5xx, network failures and timeouts are unavailability; 403 and 404 stay what they are", () => {
    expect(asGitHubFailure(answer(502), false)).toMatchObject({ reason: "server_error" });
    expect(asGitHubFailure(new RequestError("ECONNREFUSED", 500, { request }), false)).toMatchObject({
      reason: "unreachable",
    });
    const timeout = Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
    expect(asGitHubFailure(new RequestError("aborted", 500, { request, cause: timeout }), false)).toMatchObject({
      reason: "timeout",
    });
    expect(asGitHubFailure(answer(200), true)).toMatchObject({ reason: "timeout" });
    const forbidden = answer(403, {}, "Resource not accessible by integration");
    expect(asGitHubFailure(forbidden, false)).toBe(forbidden);
    const connection = new GitHubConnectionError("revoked");
    expect(asGitHubFailure(connection, true)).toBe(connection);
  });
});
