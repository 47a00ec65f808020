import Image from "next/image";
import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/navigation/return-to";
import type { SearchParams } from "@/lib/navigation/query";
import { signInWithGitHub } from "./actions";
import { landingQuery } from "./schema";
import dashboard from "./dashboard.png";

export default async function LandingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { returnTo, error, notice } = landingQuery.parse(await searchParams);
  const session = await auth();
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
          Signing in with GitHub did not work. Please try again.
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
