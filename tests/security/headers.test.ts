// Security headers: what proxy.ts sends with every response (unit level; the browser suite checks
// that a framed page does not load and that pages still run under the CSP).
import { readdirSync } from "node:fs";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

const base = { appUrl: "http://localhost:3000", githubUrl: "https://github.com", development: false };

describe("security headers", () => {
  it("forbid framing and sniffing, limit referrers and powerful features", () => {
    const headers = securityHeaders({ ...base, nonce: "abc" });
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
  });

  it("allow scripts only with this response's nonce, and never eval in production", () => {
    const csp = contentSecurityPolicy({ ...base, nonce: "n0nce" });
    expect(csp).toMatch(/script-src 'self' 'nonce-n0nce' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy({ ...base, nonce: "n", development: true })).toContain("'unsafe-eval'");
  });

  it("send HSTS only when the app is served over https", () => {
    expect(securityHeaders({ ...base, nonce: null })["strict-transport-security"]).toBeUndefined();
    expect(
      securityHeaders({ ...base, appUrl: "https://hublink.example.com", nonce: null })["strict-transport-security"],
    ).toMatch(/max-age=\d+/);
  });

  it("let forms leave only for GitHub's origin", () => {
    const csp = contentSecurityPolicy({ ...base, githubUrl: "https://ghe.example.com/", nonce: "n" });
    expect(csp).toContain("form-action 'self' https://ghe.example.com;");
  });
});

describe("proxy", () => {
  let proxy: typeof import("@/proxy").proxy;
  beforeAll(async () => {
    Object.assign(process.env, {
      AUTH_SECRET: "a".repeat(32),
      SESSION_SECRET: "s".repeat(32),
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      DATABASE_URL: "file:./data/proxy-headers-unused.db",
    });
    ({ proxy } = await import("@/proxy"));
  });

  it.each(["/", "/reconnect", "/github/installation", "/api/github/connect", "/dashboard"])(
    "secures %s",
    async (path) => {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    },
  );

  // Next runs the proxy only for paths its matcher accepts; any other address is still answered —
  // an unknown one with the not-found page, which shows a signed-in person the app's shell (and its
  // sign-out form). Only the static files themselves may skip the proxy, not every path that
  // begins like one of them.
  it.each([
    "/icons",
    "/iconography",
    "/icon.svg.html",
    "/faviconXico",
    "/favicon.icon",
    "/apple-touch-icons",
    "/manifest.webmanifest2",
    "/_next/staticx",
  ])("runs for %s, an address that only begins like a static file", async (path) => {
    const { config } = await import("@/proxy");
    expect(unstable_doesMiddlewareMatch({ config, url: path })).toBe(true);
  });

  // Every file in public/ (a new one belongs in the matcher too) and Next's own static files.
  it.each([...readdirSync("public").map((file) => `/${file}`), "/_next/static/chunks/app.js", "/_next/image"])(
    "leaves the static file %s alone",
    async (path) => {
      const { config } = await import("@/proxy");
      expect(unstable_doesMiddlewareMatch({ config, url: path })).toBe(false);
    },
  );

  it("gives each page response its own nonce", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec(
        (await proxy(new NextRequest("http://localhost:3000/"))).headers.get("content-security-policy") ?? "",
      )?.[1];
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(second).not.toBe(first);
  });
});
