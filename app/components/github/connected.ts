import "server-only";
import { getConnectionSummary } from "@/lib/github/connection/store";

/** Whether the person has a connection for the GitHub pages to use; revoked and expired ones are the reconnect flow's business. */
export async function hasConnection(userId: string): Promise<boolean> {
  const connection = await getConnectionSummary(userId);
  return connection !== null && connection.status !== "disconnected";
}
