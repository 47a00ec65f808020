// The route label of the request log line and of hublink_http_request_duration_seconds: a route
// pattern, from a finite set whatever paths people ask for.
import { describe, expect, it } from "vitest";
import { routePatterns } from "@/lib/ops/route-pattern";

const routeOf = routePatterns({
  staticRoutes: [{ page: "/dashboard", regex: "^/dashboard(?:/)?$" }],
  dynamicRoutes: [{ page: "/repos/[owner]/[repo]", regex: "^/repos/([^/]+?)/([^/]+?)(?:/)?$" }],
});

describe("route patterns", () => {
  it("labels a request by its route's pattern, not its path", () => {
    expect(routeOf("/dashboard")).toBe("/dashboard");
    expect(routeOf("/repos/octocat/hello-world")).toBe("/repos/[owner]/[repo]");
    expect(routeOf("/no/such/page")).toBe("unmatched");
  });

  it("labels Next's own files by what they are", () => {
    expect(routeOf("/_next/static/chunks/app-1234.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
  });

  // Each label value is a time series the process keeps: a visitor asking for /_next/<anything>
  // must not be able to add one per request.
  it("gives made-up addresses below /_next/ one label", () => {
    const labels = new Set(Array.from({ length: 50 }, (_, i) => routeOf(`/_next/made-up-${i}/x`)));
    expect([...labels]).toEqual(["unmatched"]);
    expect(routeOf("/_next/staticky")).toBe("unmatched");
  });
});
