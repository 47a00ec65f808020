// The connect flow's OAuth-app path (demo mode and the e2e suite use the GitHub App), end to end
// against the emulator: our authorize URL, GitHub's consent, our callback logic, the stored row.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@hublink/github-emulator";
import { authorize, Browser, emulatorControl, startTestEmulator } from "@hublink/github-emulator/testing";
import { DEMO_CONNECT_APP, DEMO_SIGN_IN_APP, demoEmulatorApps } from "@/lib/config/demo";
import type { Database } from "@/lib/db/create-client";
import { createTestDatabase, type TestDatabase } from "../support/database";

const APP_URL = "http://localhost:3999";
let emulator: RunningEmulator;
let database: TestDatabase;
let db: Database;
let lib: {
  connectingApp: typeof import("@/lib/github/api/oauth-app").connectingApp;
  startConnectFlow: typeof import("@/lib/github/connect/flow-cookie").startConnectFlow;
  codeChallengeOf: typeof import("@/lib/github/connect/flow-cookie").codeChallengeOf;
  authorizeUrl: typeof import("@/lib/github/connect/authorize").authorizeUrl;
  completeConnect: typeof import("@/lib/github/connect/complete").completeConnect;
  accessTokenOf: typeof import("@/lib/github/connection/store").accessTokenOf;
};

beforeAll(async () => {
  emulator = await startTestEmulator({ apps: demoEmulatorApps(APP_URL) });
  database = await createTestDatabase("sqlite");
  // lib/config/env.ts reads the environment once, on first use: configure before importing the app's modules.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    APP_URL,
    AUTH_SECRET: "x".repeat(32),
    SESSION_SECRET: "y".repeat(32),
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    GITHUB_URL: emulator.url,
    AUTH_GITHUB_ID: DEMO_SIGN_IN_APP.clientId,
    AUTH_GITHUB_SECRET: DEMO_SIGN_IN_APP.clientSecret,
    GITHUB_CONNECT_CLIENT_ID: DEMO_CONNECT_APP.clientId,
    GITHUB_CONNECT_CLIENT_SECRET: DEMO_CONNECT_APP.clientSecret,
  });
  lib = {
    ...(await import("@/lib/github/api/oauth-app")),
    ...(await import("@/lib/github/connect/flow-cookie")),
    ...(await import("@/lib/github/connect/authorize")),
    ...(await import("@/lib/github/connect/complete")),
    ...(await import("@/lib/github/connection/store")),
  };
  db = (await import("@/lib/db/client")).db;
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulatorControl(emulator.url).reset();
  await db.user.deleteMany();
});

/** A Hublink person who signed in with the emulator's `login` (Auth.js keeps GitHub's user id in Account). */
async function signedInAs(login: string) {
  const user = await db.user.create({ data: { login } });
  const githubId = emulator.state.account(login)!.id;
  await db.account.create({
    data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: String(githubId) },
  });
  return user;
}

/** Starts a flow for a user and plays GitHub's part: returns the callback's query and the sealed cookie. */
async function throughGitHub(userId: string, decision: "authorize" | "cancel" = "authorize") {
  const app = lib.connectingApp();
  const { flow, sealed } = await lib.startConnectFlow(userId, "/repos");
  const url = new URL(lib.authorizeUrl(app, flow.state, lib.codeChallengeOf(flow.codeVerifier)));
  const result = await authorize(new Browser(emulator.url), Object.fromEntries(url.searchParams), {
    login: "octocat",
    decision,
  });
  expect(result.location?.origin).toBe(new URL(APP_URL).origin);
  expect(result.location?.pathname).toBe("/api/github/callback");
  return { params: Object.fromEntries(result.location!.searchParams), sealed };
}

describe("connecting through an OAuth app", () => {
  it("asks for the configured scopes and stores an encrypted classic token", async () => {
    expect(lib.connectingApp()).toMatchObject({ kind: "oauth_app", scopes: ["repo", "read:org"] });
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id);

    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({ ok: true, returnTo: "/repos" });
    const stored = await db.gitHubConnection.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ kind: "oauth_app", login: "octocat", status: "connected" });
    // The scopes GitHub granted, as it reported them.
    expect(stored.scopes.split(" ").sort()).toEqual(["read:org", "repo"]);
    expect(stored.accessTokenExpiresAt).toBeNull();
    expect(stored.refreshTokenCiphertext).toBeNull();
    const token = lib.accessTokenOf(stored)!;
    expect(token).toMatch(/^gho_/);
    const me = await fetch(`${emulator.apiUrl}/user`, { headers: { authorization: `token ${token}` } });
    expect(((await me.json()) as { login: string }).login).toBe("octocat");
    expect(await db.connectionEvent.count({ where: { userId: user.id, type: "connected" } })).toBe(1);
  });

  it("reports a wrong client secret as a configuration problem and stores nothing", async () => {
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id);
    // Swap the secret the app sends, as a misconfigured deployment would.
    const env = (await import("@/lib/config/env")).getEnv();
    const original = env.connect.clientSecret;
    env.connect.clientSecret = "wrong";
    try {
      await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({
        ok: false,
        problem: "incorrect_client_credentials",
      });
    } finally {
      env.connect.clientSecret = original;
    }
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("says GitHub is unreachable when the token endpoint fails, and stores nothing", async () => {
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id);
    await emulatorControl(emulator.url).addFault({ method: "POST", path: "^/login/oauth/access_token$", status: 502 });
    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({
      ok: false,
      problem: "github_unreachable",
    });
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("reads an RFC 6749 refusal (400 invalid_grant) of the code as GitHub's bad_verification_code, and stores nothing", async () => {
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id);
    await emulatorControl(emulator.url).addFault({
      method: "POST",
      path: "^/login/oauth/access_token$",
      status: 400,
      body: { error: "invalid_grant", error_description: "The code is invalid or expired." },
    });
    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({
      ok: false,
      problem: "bad_verification_code",
    });
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("passes GitHub's access_denied through when the person cancels", async () => {
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id, "cancel");
    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({
      ok: false,
      problem: "access_denied",
    });
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("rejects a callback whose flow belongs to another user", async () => {
    const victim = await db.user.create({ data: { login: "victim" } });
    const attacker = await db.user.create({ data: { login: "attacker" } });
    const { params, sealed } = await throughGitHub(attacker.id);
    await expect(lib.completeConnect(params, sealed, victim.id)).resolves.toEqual({ ok: false, problem: "wrong_user" });
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("rejects an expired flow", async () => {
    const user = await signedInAs("octocat");
    const { params } = await throughGitHub(user.id);
    const { sealed: stale } = await lib.startConnectFlow(user.id, "/repos", Date.now() - 11 * 60 * 1000);
    params.state = "irrelevant";
    await expect(lib.completeConnect(params, stale, user.id)).resolves.toEqual({ ok: false, problem: "flow_expired" });
  });

  it("stores nothing when GitHub authorised another account than the one signed in", async () => {
    const hubot = await signedInAs("hubot");
    // hubot starts connecting, but at GitHub the browser is signed in as octocat.
    const { params, sealed } = await throughGitHub(hubot.id);
    await expect(lib.completeConnect(params, sealed, hubot.id)).resolves.toEqual({
      ok: false,
      problem: "identity_mismatch",
      account: "octocat",
    });
    expect(await db.gitHubConnection.count()).toBe(0);
  });

  it("uses a connect flow once, even with a copy of its cookie", async () => {
    const user = await signedInAs("octocat");
    const { params, sealed } = await throughGitHub(user.id);
    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toMatchObject({ ok: true });
    await expect(lib.completeConnect(params, sealed, user.id)).resolves.toEqual({ ok: false, problem: "flow_missing" });
  });
});
