import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/config/env";
import { connectingApp } from "@/lib/github/api/oauth-app";
import { flowCookieOptions } from "@/lib/auth/flow-cookie-options";
import { codeChallengeOf, FLOW_COOKIE, startConnectFlow } from "@/lib/github/connect/flow-cookie";
import { authorizeUrl } from "@/lib/github/connect/authorize";
import { safeReturnTo } from "@/lib/navigation/return-to";
import { connectPath } from "@/lib/navigation/paths";

// GET /api/github/connect?returnTo=/path — starts connecting GitHub for the signed-in person.
export async function GET(request: NextRequest) {
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"));
  const session = await auth();
  if (!session?.user?.id) {
    // A browser goes to sign in and comes straight back here; a script gets a plain 401.
    if (request.headers.get("sec-fetch-mode") === "navigate" || request.headers.get("accept")?.includes("text/html")) {
      const landing = new URL("/", getEnv().appUrl);
      landing.searchParams.set("returnTo", connectPath(returnTo));
      return NextResponse.redirect(landing);
    }
    return NextResponse.json({ error: "unauthenticated", message: "Sign in to Hublink first." }, { status: 401 });
  }

  const { flow, sealed, maxAge } = await startConnectFlow(session.user.id, returnTo);
  const response = NextResponse.redirect(authorizeUrl(connectingApp(), flow.state, codeChallengeOf(flow.codeVerifier)));
  response.cookies.set(FLOW_COOKIE, sealed, flowCookieOptions(maxAge));
  response.headers.set("cache-control", "no-store");
  return response;
}
