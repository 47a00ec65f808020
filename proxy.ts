import { NextResponse, type NextRequest } from "next/server";

// Next 16's middleware. Runs before every app page, so it stays cheap: no database, no GitHub.
// It is a convenience, not the guard — every page and route handler checks the session itself.
// Here: a visitor without a session cookie goes to the landing page, which brings them back after
// sign-in; signed-in requests carry their path so pages can do the same.

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const landing = new URL("/", request.url);
    landing.searchParams.set("returnTo", `${pathname}${search}`);
    return NextResponse.redirect(landing);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-hublink-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // App pages only: not the landing page, sign-in, API routes, static assets or /reconnect.
  matcher: ["/dashboard/:path*", "/settings/:path*", "/repos/:path*", "/pulls/:path*", "/issues/:path*"],
};
