import { confirmGitHubAccess } from "@/lib/github/account";
import { GitHubConnectionError } from "@/lib/github/errors";
import { withReconnect } from "@/lib/github/reconnect";

const UNAVAILABLE: Record<string, string> = {
  rate_limited: "GitHub's rate limit for your account is used up for now",
  timeout: "GitHub is taking too long to answer",
  unreachable: "GitHub cannot be reached",
  server_error: "GitHub is having trouble",
};

// Streams in after the shell: confirms with GitHub that the connection still works, so a
// revocation is noticed on the next visit (→ /reconnect), and says so when GitHub cannot answer.
export async function GitHubAccessCheck({ userId }: { userId: string }) {
  const access = await withReconnect(() => confirmGitHubAccess(userId)).catch((error: unknown) => {
    if (error instanceof GitHubConnectionError) return null; // disconnected meanwhile: the page says so
    throw error;
  });
  if (!access || access.ok) return null;
  return (
    <p className="notice" role="status">
      {UNAVAILABLE[access.reason] ?? UNAVAILABLE.server_error}. Your connection is kept; Hublink will try again.
    </p>
  );
}
