import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { getEnv } from "@/lib/config/env";
import { logger } from "@/lib/ops/logger";
import { completeConnect, type ConnectOutcome } from "@/lib/github/connect/complete";
import { flowCookieOptions } from "@/lib/auth/flow-cookie-options";
import { FLOW_COOKIE } from "@/lib/github/connect/flow-cookie";
import { INSTALL_COOKIE } from "@/lib/github/installations/install-state";
import { completeInstallationSetup } from "@/lib/github/installations/setup";
import { appUrlFor } from "@/lib/navigation/return-to";
import { parseCallbackQuery } from "./schema";

// GET /api/github/callback — GitHub's one way back to Hublink: after authorizing (OAuth code) and,
// as the GitHub App's setup URL, after installing (setup_action, installation_id).
export async function GET(request: NextRequest) {
  const session = await auth();
  const userId = session?.user?.id ?? null;
  const query = parseCallbackQuery(request.nextUrl.searchParams);
  const appUrl = getEnv().appUrl;

  // Every failure lands on the connections page, which explains the problem code and offers to retry.
  const problemPage = (flow: string, problem: string, account?: string) => {
    logger().warn(`github ${flow} failed: ${problem}`);
    const url = new URL("/settings/connections", appUrl);
    url.searchParams.set("error", problem);
    if (account) url.searchParams.set("account", account);
    return url;
  };

  let target: URL;
  if (query.setup_action) {
    const outcome = await completeInstallationSetup(
      {
        setupAction: query.setup_action,
        installationId: query.installation_id ?? null,
        state: query.state ?? null,
        code: query.code ?? null,
      },
      userId,
      request.cookies.get(INSTALL_COOKIE)?.value,
    );
    target =
      outcome.kind === "redirect"
        ? withNotice(appUrlFor(outcome.to, appUrl), "installed")
        : outcome.kind === "confirmation"
          ? installationConfirmation(appUrl, outcome.installationId, outcome.setupAction)
          : problemPage("installation setup", outcome.problem, outcome.account);
  } else {
    const outcome: ConnectOutcome = userId
      ? await completeConnect(query, request.cookies.get(FLOW_COOKIE)?.value, userId)
      : { ok: false, problem: "flow_missing" };
    target = outcome.ok
      ? withNotice(appUrlFor(outcome.returnTo, appUrl), "connected")
      : problemPage("connect", outcome.problem, outcome.account);
  }

  const response = NextResponse.redirect(target, 303);
  // Both flows' cookies are single use, whatever happened: a replayed callback URL finds no flow.
  if (request.cookies.has(FLOW_COOKIE)) response.cookies.set(FLOW_COOKIE, "", flowCookieOptions(0));
  if (request.cookies.has(INSTALL_COOKIE) && query.state)
    response.cookies.set(INSTALL_COOKIE, "", flowCookieOptions(0));
  response.headers.set("cache-control", "no-store");
  return response;
}

function installationConfirmation(appUrl: string, installationId: string | null, setupAction: string): URL {
  const url = new URL("/github/installation", appUrl);
  if (installationId) url.searchParams.set("installation_id", installationId);
  url.searchParams.set("setup_action", setupAction === "update" ? "update" : "install");
  return url;
}

/** The page after a successful flow says what happened once (app/components/flash-notice.tsx). */
function withNotice(url: URL, notice: "connected" | "installed"): URL {
  url.searchParams.set("notice", notice);
  return url;
}
