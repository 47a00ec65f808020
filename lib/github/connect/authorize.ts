import "server-only";
import { z } from "zod";
import { getEnv } from "../../config/env";
import { callbackUrl, githubRequest, type OAuthApp } from "../api/oauth-app";

// The two ends of GitHub's web flow that are not the token endpoint: where the person is sent to
// authorize, and who GitHub says the new token belongs to.
// https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps

export function authorizeUrl(app: OAuthApp, state: string, codeChallenge: string): string {
  const url = new URL("/login/oauth/authorize", getEnv().github.url);
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("redirect_uri", callbackUrl());
  if (app.scopes.length) url.searchParams.set("scope", app.scopes.join(" "));
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

const githubUser = z.object({
  id: z.number().int().positive(),
  login: z.string().min(1),
  name: z.string().nullish(),
  avatar_url: z.string(),
});

export type GitHubUser = { id: number; login: string; name: string | null; avatarUrl: string };

/** GET /user with a fresh token: who connected. An answer without a numeric id is not an identity. */
export async function fetchGitHubUser(accessToken: string): Promise<GitHubUser> {
  const { data } = await githubRequest()("GET /user", { headers: { authorization: `bearer ${accessToken}` } });
  const user = githubUser.parse(data);
  return { id: user.id, login: user.login, name: user.name ?? null, avatarUrl: user.avatar_url };
}
