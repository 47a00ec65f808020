import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATH_HEADER, reconnectPath } from "../../navigation/paths";
import { GitHubConnectionError, GitHubUnavailableError, httpStatusOf } from "../api/errors";
import { collectStaleness, type StaleNote } from "../api/staleness";
import { isEnded } from "../connection/status";

/** To /reconnect, with the page being rendered as returnTo. */
export async function redirectToReconnect(): Promise<never> {
  redirect(reconnectPath((await headers()).get(PATH_HEADER)));
}

export type Settled<T> =
  | { ok: true; value: T; /** Shown from a stored copy because GitHub could not answer. */ stale?: StaleNote | null }
  | { ok: false; problem: GitHubUnavailableError };

/**
 * A panel's load: the value, or the reason GitHub could not answer, for the panel to show in its
 * place — whatever GitHub answered (5xx, timeout, rate limit, or a 4xx such as a search it rejects
 * or an endpoint an older server lacks), the failure stays in the panel. A revoked or expired
 * connection redirects to /reconnect (with this page as returnTo). Everything else is thrown on —
 * bugs to the page's error boundary.
 */
export async function settle<T>(load: Promise<T> | (() => Promise<T>)): Promise<Settled<T>> {
  try {
    // A function is run in its own staleness scope, so the panel learns whether it got stored copies.
    if (typeof load === "function") return { ok: true, ...(await collectStaleness(load)) };
    return { ok: true, value: await load };
  } catch (error) {
    if (error instanceof GitHubUnavailableError) return { ok: false, problem: error };
    if (error instanceof GitHubConnectionError && isEnded(error.code)) return redirectToReconnect();
    if (httpStatusOf(error) !== undefined) return { ok: false, problem: new GitHubUnavailableError("refused") };
    throw error;
  }
}
