import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/config/env";

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const secrets = {
  AUTH_SECRET: "a".repeat(32),
  SESSION_SECRET: "s".repeat(32),
  TOKEN_ENCRYPTION_KEY: key(1),
};
const production = {
  ...secrets,
  NODE_ENV: "production",
  APP_URL: "https://hublink.example.com",
  AUTH_GITHUB_ID: "Ov23liProd",
  AUTH_GITHUB_SECRET: "prod-secret",
};

function configErrorOf(source: Record<string, string>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("runs the background jobs, logs at info and has no metrics endpoint unless told otherwise", () => {
    expect(parseEnv(production).ops).toEqual({ logLevel: "info", metricsToken: null, inProcessWorker: true });
    const ops = parseEnv({
      ...production,
      LOG_LEVEL: "debug",
      METRICS_TOKEN: "m".repeat(16),
      HUBLINK_WORKER: "off",
    }).ops;
    expect(ops).toEqual({ logLevel: "debug", metricsToken: "m".repeat(16), inProcessWorker: false });
  });

  it("names each malformed operations variable and says what it accepts", () => {
    const error = configErrorOf({ ...production, LOG_LEVEL: "loud", METRICS_TOKEN: "short", HUBLINK_WORKER: "yes" });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(["HUBLINK_WORKER", "LOG_LEVEL", "METRICS_TOKEN"]);
    expect(error.message).toContain("LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent");
    expect(error.message).toContain("METRICS_TOKEN: must be at least 16 characters");
    expect(error.message).toContain("HUBLINK_WORKER: must be on");
  });

  it("uses the documented defaults against github.com in production", () => {
    const env = parseEnv(production);
    expect(env.demoMode).toBe(false);
    expect(env.databaseUrl).toBe("file:./data/hublink.db");
    expect(env.github).toEqual({ url: "https://github.com", apiUrl: "https://api.github.com", cacheMaxAgeSeconds: 60 });
    expect(env.connect).toEqual({ clientId: "Ov23liProd", clientSecret: "prod-secret", scopes: ["repo", "read:org"] });
    expect(env.githubApp).toBeNull();
  });

  it("derives the REST URL of GitHub Enterprise Server from GITHUB_URL", () => {
    const env = parseEnv({ ...production, GITHUB_URL: "https://ghe.example.com/" });
    expect(env.github).toMatchObject({ url: "https://ghe.example.com", apiUrl: "https://ghe.example.com/api/v3" });
  });

  it("derives the REST URL of GHE.com (data residency), which is served at api.<subdomain>.ghe.com", () => {
    const env = parseEnv({ ...production, GITHUB_URL: "https://octocorp.ghe.com" });
    expect(env.github).toMatchObject({ url: "https://octocorp.ghe.com", apiUrl: "https://api.octocorp.ghe.com" });
    // Set explicitly, GITHUB_API_URL still wins.
    const configured = parseEnv({
      ...production,
      GITHUB_URL: "https://octocorp.ghe.com",
      GITHUB_API_URL: "https://x.example",
    });
    expect(configured.github.apiUrl).toBe("https://x.example");
  });

  it("takes GITHUB_CACHE_MAX_AGE in whole seconds, 0 (revalidate every view) to 3600", () => {
    expect(parseEnv({ ...production, GITHUB_CACHE_MAX_AGE: "0" }).github.cacheMaxAgeSeconds).toBe(0);
    expect(parseEnv({ ...production, GITHUB_CACHE_MAX_AGE: "30" }).github.cacheMaxAgeSeconds).toBe(30);
    for (const bad of ["-1", "1.5", "soon", "3601"]) {
      expect(() => parseEnv({ ...production, GITHUB_CACHE_MAX_AGE: bad })).toThrow(
        /GITHUB_CACHE_MAX_AGE: must be a whole number of seconds/,
      );
    }
  });

  it("points everything at the emulator in demo mode", () => {
    const env = parseEnv({ ...secrets, GITHUB_EMULATOR_PORT: "4999" });
    expect(env.demoMode).toBe(true);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.github.apiUrl).toBe("http://127.0.0.1:4999/api/v3");
    expect(env.githubApp?.slug).toBe("hublink-demo");
  });

  it("never falls back to demo mode in production", () => {
    const error = configErrorOf({ ...secrets, NODE_ENV: "production", APP_URL: "https://h.example.com" });
    expect(error.message).toContain("AUTH_GITHUB_ID: is required in production");
    expect(error.message).toContain("AUTH_GITHUB_SECRET: is required");
  });

  it("names every missing secret with how to make one", () => {
    const error = configErrorOf({
      NODE_ENV: "production",
      APP_URL: "https://h.example.com",
      AUTH_GITHUB_ID: "x",
      AUTH_GITHUB_SECRET: "y",
    });
    expect(error.problems.map((p) => p.variable)).toEqual(["AUTH_SECRET", "SESSION_SECRET", "TOKEN_ENCRYPTION_KEY"]);
    expect(error.message).toContain("openssl rand -base64 32");
  });

  it.each([
    ["TOKEN_ENCRYPTION_KEY", "c2hvcnQ=", "exactly 32 bytes"],
    ["TOKEN_ENCRYPTION_KEY", `${key(1)},not base64!`, "comma-separated base64 keys"],
    ["SESSION_SECRET", "too-short", "at least 32 characters"],
    ["DATABASE_URL", "mysql://localhost/db", "must start with file:"],
    ["GITHUB_URL", "github.com", "must be an http"],
    ["APP_URL", "not a url", "must be an http"],
    ["GITHUB_APP_SLUG", "My App", "URL slug"],
  ])("rejects a malformed %s with a message naming it", (variable, value, expected) => {
    const error = configErrorOf({ ...production, [variable]: value });
    expect(error.problems).toEqual([expect.objectContaining({ variable })]);
    expect(error.message).toMatch(new RegExp(`^  - ${variable}: .*${expected}`, "m"));
  });

  it("accepts a key ring and keeps its order (first encrypts)", () => {
    const env = parseEnv({ ...production, TOKEN_ENCRYPTION_KEY: `${key(2)}, ${key(3)}` });
    expect(env.tokenEncryptionKeys.map((k) => k[0])).toEqual([2, 3]);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ ...production, DATABASE_URL: "", GITHUB_URL: "" }).databaseUrl).toBe("file:./data/hublink.db");
  });

  it("requires the whole GitHub App when any of its variables is set", () => {
    const error = configErrorOf({ ...production, GITHUB_APP_SLUG: "hublink" });
    expect(error.problems.map((p) => p.variable)).toEqual([
      "GITHUB_APP_CLIENT_ID",
      "GITHUB_APP_CLIENT_SECRET",
      "GITHUB_WEBHOOK_SECRET",
    ]);
  });

  it("uses a separate connect app only with its secret", () => {
    const error = configErrorOf({ ...production, GITHUB_CONNECT_CLIENT_ID: "Ov23liConnect" });
    expect(error.problems).toEqual([expect.objectContaining({ variable: "GITHUB_CONNECT_CLIENT_SECRET" })]);
    const env = parseEnv({
      ...production,
      GITHUB_CONNECT_CLIENT_ID: "Ov23liConnect",
      GITHUB_CONNECT_CLIENT_SECRET: "c",
      GITHUB_CONNECT_SCOPES: "repo,read:org user:email",
    });
    expect(env.connect).toEqual({
      clientId: "Ov23liConnect",
      clientSecret: "c",
      scopes: ["repo", "read:org", "user:email"],
    });
  });
});
