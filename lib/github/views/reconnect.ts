import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { reconnectPath } from "../../navigation/paths";
import { PATH_HEADER } from "../../auth/session";
import { GitHubConnectionError } from "../api/errors";

/** To /reconnect, with the page being rendered as returnTo. */
export async function redirectToReconnect(): Promise<never> {
  redirect(reconnectPath((await headers()).get(PATH_HEADER)));
}

/**
 * For pages and their async components: runs `load`; when it meets a revoked or expired
 * connection, redirects to /reconnect with the page as returnTo. Every other failure is rethrown.
 *   const repos = await withReconnect(() => loadRepositories(user.id));
 */
export async function withReconnect<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof GitHubConnectionError && (error.code === "revoked" || error.code === "expired")) {
      return redirectToReconnect();
    }
    throw error;
  }
}
