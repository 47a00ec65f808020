import { describe, expect, it } from "vitest";
import { appUrlFor, safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it.each([
    ["/repos", "/repos"],
    ["/repos/octocat/hello-world?state=closed#prs", "/repos/octocat/hello-world?state=closed#prs"],
    ["/settings/connections", "/settings/connections"],
    ["/a/../settings", "/settings"],
    // An encoded newline is just a path on this site, not a line break a browser would act on.
    ["/%0A/evil", "/%0A/evil"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "evil.example",
    "",
    "%2F%2Fevil.example",
    // Dot segments that normalise to a protocol-relative URL.
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/..//evil.example",
    "/a/%2e%2e//evil.example/path?x=1",
    "/..//evil.example",
    "/./%2e//evil.example",
  ])("falls back to /dashboard for %j", (input) => {
    expect(safeReturnTo(input)).toBe("/dashboard");
  });

  it("ignores values that are not strings", () => {
    expect(safeReturnTo(undefined)).toBe("/dashboard");
    expect(safeReturnTo(["/repos"])).toBe("/dashboard");
    expect(safeReturnTo(null, "/settings/connections")).toBe("/settings/connections");
  });
});

describe("appUrlFor", () => {
  it("resolves a path against APP_URL and keeps its origin", () => {
    expect(appUrlFor("/repos?x=1", "https://hublink.example.com").href).toBe("https://hublink.example.com/repos?x=1");
  });

  it.each(["/.//evil.example", "//evil.example", "https://evil.example/", "/%2e%2e//evil.example"])(
    "never leaves APP_URL's origin for %j",
    (path) => {
      expect(appUrlFor(path, "https://hublink.example.com").href).toBe("https://hublink.example.com/dashboard");
    },
  );
});
