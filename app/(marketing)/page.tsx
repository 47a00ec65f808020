import { cookies } from "next/headers";
import Image from "next/image";
import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/config/env";
import { safeReturnTo } from "@/lib/navigation/return-to";
import type { SearchParams } from "@/lib/navigation/query";
import { signInWithGitHub } from "./actions";
import { landingQuery } from "./schema";
import dashboard from "./dashboard.png";

export default async function LandingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = landingQuery.parse(await searchParams);
  const { error, notice } = query;
  const session = await auth();
  // Auth.js sends a failed sign-in here without returnTo; the page the person was going to is still
  // in its callback-URL cookie.
  const returnTo = query.returnTo ?? (error ? await pageBeforeSignIn() : undefined);
  return (
    <main className="landing" id="main">
      <h1>Hublink</h1>
      <p className="lede">
        Your GitHub repositories, issues and pull requests on one dashboard. Sign in with GitHub, connect your account
        once, and Hublink keeps the connection healthy — refreshed, revocation-aware and ready.
      </p>
      {notice === "signed-out" && !session?.user && (
        <p className="notice" role="status">
          You are signed out of Hublink. Your GitHub connection is kept for when you sign in again.
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error === "OAuthCallbackError" || error === "AccessDenied"
            ? "You cancelled signing in at GitHub. Sign in again when you are ready."
            : "Signing in with GitHub did not work. Please try again."}
        </p>
      )}
      {session?.user ? (
        <Link href={safeReturnTo(returnTo)} className="btn btn-primary">
          Continue to your dashboard
        </Link>
      ) : (
        <form action={signInWithGitHub}>
          <input type="hidden" name="returnTo" value={safeReturnTo(returnTo)} />
          <button type="submit" className="btn btn-primary btn-large">
            Sign in with GitHub
          </button>
        </form>
      )}
      <ul className="landing-points">
        <li>
          <h2>Keeps the connection alive</h2>
          <p>
            A connection revoked or expired at GitHub is noticed at once — by webhook or on the next request — and you
            are asked to reconnect, then brought back to the page you were on.
          </p>
        </li>
        <li>
          <h2>Refreshes exactly once</h2>
          <p>
            Expiring GitHub tokens are renewed before they run out, exactly once even when many requests and several
            servers ask at the same moment. Repeated views are answered from GitHub&apos;s ETags at no cost.
          </p>
        </li>
        <li>
          <h2>Works offline</h2>
          <p>
            A local GitHub emulator stands in for github.com: run it, test it and demo it without an account or a
            network connection.
          </p>
        </li>
      </ul>
      <figure className="landing-picture">
        <Image
          src={dashboard}
          alt="The Hublink dashboard: your profile, recently updated repositories, your pull requests with review and CI state, and issues assigned to you."
          sizes="(max-width: 960px) 100vw, 960px"
          placeholder="empty"
        />
      </figure>
    </main>
  );
}

/** The path of Auth.js's callback-URL cookie, if it is on this app; the cookie is prefixed on https. */
async function pageBeforeSignIn(): Promise<string | undefined> {
  const jar = await cookies();
  const value = (jar.get("__Secure-authjs.callback-url") ?? jar.get("authjs.callback-url"))?.value;
  if (!value) return undefined;
  try {
    const url = new URL(value, getEnv().appUrl);
    return url.origin === new URL(getEnv().appUrl).origin ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
