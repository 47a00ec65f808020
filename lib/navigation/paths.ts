import { safeReturnTo } from "./return-to";

// Paths Hublink builds in more than one place. Pure, so proxy.ts, pages and route handlers agree.

/** Request header proxy.ts sets to the page being rendered, so a redirect can bring the person back. */
export const PATH_HEADER = "x-hublink-path";

/** Where a person whose GitHub connection was revoked or expired is sent, remembering the page they were on. */
export function reconnectPath(returnTo: unknown): string {
  return `/reconnect?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/** Starts connecting GitHub (a route handler, so links to it are plain anchors), then returns to `returnTo`. */
export function connectPath(returnTo: unknown): string {
  return `/api/github/connect?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}
