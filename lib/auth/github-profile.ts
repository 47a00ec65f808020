import "server-only";
import { z } from "zod";

// Who signed in, as GitHub says — or no sign-in at all. GitHub's GET /user is read from the
// configured API URL (GHE.com serves it at api.<subdomain>.ghe.com, not under /api/v3), and its
// answer is parsed: an error body, a missing or non-numeric id, or a non-200 answer stops the
// sign-in. Without this an error body became the account id "undefined", and every such sign-in
// landed in one shared Hublink account.

const profileSchema = z.object({
  id: z.number().int().positive(),
  login: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  avatar_url: z.string().nullish(),
});

export type GitHubProfile = z.infer<typeof profileSchema>;

/** The profile Auth.js hands back to us, checked again rather than cast. */
export function parseGitHubProfile(value: unknown): GitHubProfile {
  const parsed = profileSchema.safeParse(value);
  if (!parsed.success) throw new GitHubProfileError("the profile has no numeric id and login");
  return parsed.data;
}

const emailsSchema = z.array(
  z.object({ email: z.string(), primary: z.boolean().optional(), verified: z.boolean().optional() }),
);

export class GitHubProfileError extends Error {
  constructor(reason: string) {
    super(`GitHub did not say who signed in: ${reason}`);
    this.name = "GitHubProfileError";
  }
}

async function getJson(url: string, accessToken: string): Promise<{ ok: boolean; status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Hublink" },
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: response.ok, status: response.status, body: await response.json().catch(() => null) };
}

export async function fetchSignInProfile(apiUrl: string, accessToken: string): Promise<GitHubProfile> {
  const user = await getJson(`${apiUrl}/user`, accessToken);
  if (!user.ok) throw new GitHubProfileError(`GET /user answered ${user.status}`);
  const profile = parseGitHubProfile(user.body);
  if (!profile.email) {
    // No public email: the primary one, if GitHub lets us read it (user:email).
    const emails = await getJson(`${apiUrl}/user/emails`, accessToken).catch(() => null);
    const list = emails?.ok ? emailsSchema.safeParse(emails.body) : null;
    if (list?.success) profile.email = (list.data.find((e) => e.primary) ?? list.data[0])?.email ?? null;
  }
  return profile;
}
