import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/navigation/return-to";
import type { SearchParams } from "@/lib/navigation/query";
import { signInWithGitHub } from "./actions";
import { landingQuery } from "./schema";

export default async function LandingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { returnTo, error } = landingQuery.parse(await searchParams);
  const session = await auth();
  return (
    <main className="landing">
      <h1>Hublink</h1>
      <p className="lede">
        Sign in with GitHub, connect your account once, and Hublink keeps the connection healthy — refreshed,
        revocation-aware and ready — while showing your repositories, issues and pull requests.
      </p>
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
          <button type="submit" className="btn btn-primary">
            Sign in with GitHub
          </button>
        </form>
      )}
    </main>
  );
}
