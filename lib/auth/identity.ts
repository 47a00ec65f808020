import "server-only";
import { db } from "../db/client";

/**
 * The GitHub account a Hublink person signed in with (Auth.js keeps GitHub's numeric user id as the
 * Account's providerAccountId), or null for someone who never signed in with GitHub.
 */
export async function signedInGitHubUserId(userId: string): Promise<string | null> {
  const account = await db.account.findFirst({
    where: { userId, provider: "github" },
    select: { providerAccountId: true },
  });
  return account?.providerAccountId ?? null;
}
