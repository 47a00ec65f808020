import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

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
  ])("falls back to /dashboard for %j", (input) => {
    expect(safeReturnTo(input)).toBe("/dashboard");
  });

  it("ignores values that are not strings", () => {
    expect(safeReturnTo(undefined)).toBe("/dashboard");
    expect(safeReturnTo(["/repos"])).toBe("/dashboard");
    expect(safeReturnTo(null, "/settings/connections")).toBe("/settings/connections");
  });
});
