// The route label of a request path, for the request log line and the duration histogram: the
// route pattern from the build's routes manifest (/repos/[owner]/[repo]), never the raw path. Every
// label must come from a finite set — each new label value is a new time series kept in memory for
// the life of the process — so a path nothing in the build answers is "unmatched", also below
// /_next/, where anyone can make up addresses.
// Not server-only: the production server (scripts/server.ts) uses it outside the Next.js bundle.

export type RoutesManifest = {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

export const UNMATCHED_ROUTE = "unmatched";

/** Next's own files: its static assets and the image optimizer. */
const NEXT_ROUTES = ["/_next/static", "/_next/image"] as const;

export function routePatterns(manifest: RoutesManifest): (pathname: string) => string {
  const routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) {
      return NEXT_ROUTES.find((route) => pathname === route || pathname.startsWith(`${route}/`)) ?? UNMATCHED_ROUTE;
    }
    return routes.find((route) => route.regex.test(pathname))?.page ?? UNMATCHED_ROUTE;
  };
}
