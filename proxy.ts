import { NextResponse, type NextRequest } from "next/server";
import { connectionStatusForSession } from "@/lib/github/connection/gate";
import { PATH_HEADER, reconnectPath } from "@/lib/navigation/paths";
import { isEnded } from "@/lib/github/connection/status";
import { logger } from "@/lib/ops/logger";

// Next 16's middleware. Runs before every app page, so it stays cheap: at most one indexed
// database read (session cookie → connection status), never a GitHub call.
// It is a convenience, not the guard — every page and route handler checks the session itself.
// Here: a visitor without a session cookie goes to the landing page, which brings them back after
// sign-in; a person whose GitHub connection was revoked or expired goes to /reconnect, which brings
// them back after reconnecting; everyone else's requests carry their path so pages can do the same.

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const here = `${pathname}${search}`;
  const sessionToken = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  if (!sessionToken) {
    const landing = new URL("/", request.url);
    landing.searchParams.set("returnTo", here);
    return NextResponse.redirect(landing);
  }
  const status = await connectionStatusForSession(sessionToken).catch((error: unknown) => {
    // The database is the pages' problem too; they will say so. Do not block navigation here.
    logger().warn(`proxy: connection status unavailable (${(error as Error).name})`);
    return null;
  });
  if (isEnded(status)) {
    return NextResponse.redirect(new URL(reconnectPath(here), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, here);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // App pages only: not the landing page, sign-in, API routes, static assets or /reconnect.
  matcher: ["/dashboard/:path*", "/settings/:path*", "/repos/:path*", "/pulls/:path*", "/issues/:path*"],
};
