import { safeReturnTo } from "./return-to";

// Where a person whose GitHub connection was revoked or expired is sent, remembering the page
// they were on. Pure, so proxy.ts and pages build the same URL.
export function reconnectPath(returnTo: unknown): string {
  return `/reconnect?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}
