import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/config/env";
import { sessionCookieName } from "@/lib/auth/session-user";
import { connectionStatusForSession } from "@/lib/github/connection/gate";
import { isEnded } from "@/lib/github/connection/status";
import { securityHeaders } from "@/lib/http/security-headers";
import { PATH_HEADER, reconnectPath } from "@/lib/navigation/paths";
import { logger } from "@/lib/ops/logger";

// Next 16's middleware. Runs before every response but static assets, so it stays cheap: a nonce
// and the security headers for everyone; for the signed-in app's pages, at most one indexed
// database read (session cookie → connection status), never a GitHub call.
// It is a convenience, not the guard — every page and route handler checks the session itself.
// App pages: a visitor without a session cookie goes to the landing page, which brings them back
// after sign-in; a person whose GitHub connection was revoked or expired goes to /reconnect, which
// brings them back after reconnecting; everyone else's requests carry their path so pages can do
// the same.

const APP_ROUTES = /^\/(dashboard|settings|repos|pulls|issues)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const env = getEnv();
  const page = !pathname.startsWith("/api/");
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const nonce = page ? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64") : null;
  const headers = securityHeaders({
    nonce,
    appUrl: env.appUrl,
    githubUrl: env.github.url,
    development: env.nodeEnv === "development",
  });
  const secured = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  if (!APP_ROUTES.test(pathname)) return secured(NextResponse.next({ request: { headers: forwarded } }));

  const here = `${pathname}${search}`;
  const sessionToken = request.cookies.get(sessionCookieName())?.value;
  if (!sessionToken) {
    const landing = new URL("/", request.url);
    landing.searchParams.set("returnTo", here);
    return secured(NextResponse.redirect(landing));
  }
  const status = await connectionStatusForSession(sessionToken).catch((error: unknown) => {
    // The database is the pages' problem too; they will say so. Do not block navigation here.
    logger().warn(`proxy: connection status unavailable (${(error as Error).name})`);
    return null;
  });
  if (isEnded(status)) return secured(NextResponse.redirect(new URL(reconnectPath(here), request.url)));
  forwarded.set(PATH_HEADER, here);
  return secured(NextResponse.next({ request: { headers: forwarded } }));
}

export const config = {
  // Everything but Next's static files and the files in public/, each named whole: a prefix
  // ("icon") or an unescaped dot also skipped "/icons" or "/faviconXico", which are answered by the
  // not-found page — without these headers.
  matcher: [
    "/((?!_next/static/|_next/image$|(?:favicon\\.ico|icon\\.svg|icon-192\\.png|icon-512\\.png|apple-touch-icon\\.png|manifest\\.webmanifest)$).*)",
  ],
};
