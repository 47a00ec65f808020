import "server-only";
import { signedInGitHubUserId } from "../../auth/identity";
import { fetchGitHubUser, type GitHubUser } from "./authorize";

// Hublink connects the GitHub account you signed in with, and no other. A token GitHub issued to
// someone else — because you authorised as another account at GitHub, or because an attacker fed
// you a code stolen from their victim — is never stored against your Hublink account.

/** GitHub authorised another account than the signed-in person's. */
export class IdentityMismatchError extends Error {
  constructor(readonly authorised: GitHubUser) {
    super("GitHub authorised a different account than the one signed in");
    this.name = "IdentityMismatchError";
  }
}

/** Who the token belongs to, if that is the signed-in person's GitHub account; else IdentityMismatchError. */
export async function assertSignedInIdentity(userId: string, accessToken: string): Promise<GitHubUser> {
  const [githubUser, expected] = await Promise.all([fetchGitHubUser(accessToken), signedInGitHubUserId(userId)]);
  if (expected === null || expected !== String(githubUser.id)) throw new IdentityMismatchError(githubUser);
  return githubUser;
}
