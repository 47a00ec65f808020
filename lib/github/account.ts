import "server-only";
import { githubFor } from "./client";
import { GitHubConnectionError, GitHubUnavailableError, type UnavailableReason } from "./errors";
import { unavailableReason } from "./refresh";

export type GitHubAccess = { ok: true; login: string } | { ok: false; reason: UnavailableReason };

/**
 * Asks GitHub who the connected person is (GET /user) with their token: the cheapest call that
 * proves the connection still works. A revoked or expired connection throws GitHubConnectionError
 * (stored as such by the token layer); GitHub being unavailable is an answer, not an exception.
 */
export async function confirmGitHubAccess(userId: string): Promise<GitHubAccess> {
  try {
    const { data } = await githubFor(userId).request("GET /user", { request: { retries: 0 } });
    return { ok: true, login: data.login };
  } catch (error) {
    if (error instanceof GitHubConnectionError) throw error;
    if (error instanceof GitHubUnavailableError) return { ok: false, reason: error.reason };
    return { ok: false, reason: unavailableReason(error) };
  }
}
