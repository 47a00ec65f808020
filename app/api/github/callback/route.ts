import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/config/env";
import { completeConnect } from "@/lib/github/connect/complete";
import { FLOW_COOKIE, flowCookieOptions } from "@/lib/github/connect/flow-cookie";
import { completeInstallationSetup } from "@/lib/github/installations/setup";

// GET /api/github/callback — GitHub's one way back to Hublink: after authorizing (OAuth code) and,
// as the GitHub App's setup URL, after installing (setup_action, installation_id).
export async function GET(request: NextRequest) {
  const session = await auth();
  const userId = session?.user?.id ?? null;
  const params = request.nextUrl.searchParams;
  const appUrl = getEnv().appUrl;

  // Every failure lands on the connections page, which explains the problem code and offers to retry.
  const problemPage = (flow: string, problem: string) => {
    console.warn(`github ${flow} failed: ${problem}`);
    return new URL(`/settings/connections?error=${encodeURIComponent(problem)}`, appUrl);
  };

  let target: URL;
  if (params.has("setup_action")) {
    const outcome = await completeInstallationSetup(params, userId);
    target =
      outcome.kind === "redirect"
        ? new URL(outcome.to, appUrl)
        : outcome.kind === "confirmation"
          ? installationConfirmation(appUrl, outcome.installationId, outcome.setupAction)
          : problemPage("installation setup", outcome.problem);
  } else {
    const outcome = userId
      ? await completeConnect(params, request.cookies.get(FLOW_COOKIE)?.value, userId)
      : ({ ok: false, problem: "flow_missing" } as const);
    target = outcome.ok ? new URL(outcome.returnTo, appUrl) : problemPage("connect", outcome.problem);
  }

  const response = NextResponse.redirect(target, 303);
  // The connect flow's cookie is single use, whatever happened: a replayed callback URL finds no flow.
  if (request.cookies.has(FLOW_COOKIE)) response.cookies.set(FLOW_COOKIE, "", flowCookieOptions(0));
  response.headers.set("cache-control", "no-store");
  return response;
}

function installationConfirmation(appUrl: string, installationId: string | null, setupAction: string): URL {
  const url = new URL("/github/installation", appUrl);
  if (installationId && /^\d+$/.test(installationId)) url.searchParams.set("installation_id", installationId);
  url.searchParams.set("setup_action", setupAction === "update" ? "update" : "install");
  return url;
}
