import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { completeConnect } from "@/lib/github/complete-connect";
import { FLOW_COOKIE, flowCookieOptions } from "@/lib/github/connect-flow";

// GET /api/github/callback — where GitHub sends the person back after authorizing.
export async function GET(request: NextRequest) {
  const session = await auth();
  const sealedFlow = request.cookies.get(FLOW_COOKIE)?.value;
  const appUrl = getEnv().appUrl;

  const outcome = session?.user?.id
    ? await completeConnect(request.nextUrl.searchParams, sealedFlow, session.user.id)
    : ({ ok: false, problem: "flow_missing" } as const);
  if (!outcome.ok) console.warn(`github connect failed: ${outcome.problem}`);

  const target = outcome.ok
    ? new URL(outcome.returnTo, appUrl)
    : new URL(`/settings/connections?error=${encodeURIComponent(outcome.problem)}`, appUrl);
  const response = NextResponse.redirect(target, 303);
  // Single use, whatever happened: a replayed callback URL finds no flow.
  response.cookies.set(FLOW_COOKIE, "", flowCookieOptions(0));
  response.headers.set("cache-control", "no-store");
  return response;
}
