import "server-only";
import NextAuth, { type DefaultSession, type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import { cache } from "react";
import { db } from "../db/client";
import { getEnv } from "../config/env";
import { secureCookies, sessionStore } from "./session-user";
import { fetchSignInProfile, parseGitHubProfile } from "./github-profile";

declare module "next-auth" {
  interface Session {
    user: { id: string; login: string | null } & DefaultSession["user"];
  }
  interface User {
    login?: string | null;
  }
}

const env = getEnv();

export const authConfig = {
  adapter: sessionStore,
  secret: env.authSecret,
  // Database sessions: revocable server-side, and what every instance behind a load balancer shares.
  session: { strategy: "database" },
  // Behind a load balancer the Host header is the public one; APP_URL is validated separately.
  trustHost: true,
  useSecureCookies: secureCookies(),
  pages: { signIn: "/", error: "/" },
  providers: [
    GitHub({
      clientId: env.signIn.clientId,
      clientSecret: env.signIn.clientSecret,
      // GitHub Enterprise Server layout (web at GITHUB_URL, REST under /api/v3): also the emulator's.
      enterprise: env.github.url === "https://github.com" ? undefined : { baseUrl: env.github.url },
      authorization: { params: { scope: "read:user user:email" } },
      checks: ["pkce", "state"],
      // Read /user from GITHUB_API_URL and parse it; see github-profile.ts for why.
      userinfo: {
        url: `${env.github.apiUrl}/user`,
        request: ({ tokens }: { tokens: { access_token?: string } }) =>
          fetchSignInProfile(env.github.apiUrl, tokens.access_token ?? ""),
      },
      profile(raw) {
        const profile = parseGitHubProfile(raw);
        return {
          id: String(profile.id),
          login: profile.login,
          name: profile.name ?? profile.login,
          email: profile.email ?? null,
          image: profile.avatar_url ?? null,
        };
      },
      // Sign-in needs identity only: GitHub's token never reaches the Account table. Repository
      // access comes from the separate connect flow, whose tokens are encrypted (lib/github).
      account(tokens) {
        return { token_type: tokens.token_type, scope: tokens.scope };
      },
    }),
  ],
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      session.user.login = (user as { login?: string | null }).login ?? null;
      return session;
    },
  },
  events: {
    // Auth.js creates the user once; keep login, name and avatar current on every sign-in.
    async signIn({ user, profile }) {
      if (!user.id || !profile) return;
      const github = parseGitHubProfile(profile);
      await db.user.update({
        where: { id: user.id },
        data: { login: github.login, name: github.name ?? github.login, image: github.avatar_url ?? undefined },
      });
    },
  },
} satisfies NextAuthConfig;

const { handlers, auth: uncachedAuth, signIn, signOut } = NextAuth(authConfig);

export { handlers, signIn, signOut };

/** The signed-in session, read once per request however many components ask. */
export const auth = cache(uncachedAuth);
