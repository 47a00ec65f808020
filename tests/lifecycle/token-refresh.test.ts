// Refresh, rotation and revocation of a GitHub App connection, against the GitHub emulator and a
// real database (SQLite always, PostgreSQL with TEST_POSTGRES_URL). What is asserted is what
// GitHub saw (refresh counts, which tokens still work) and what the app stored and answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientIdOf,
  connectedUser,
  expireAccessToken,
  grantConnection,
  providers,
  refreshCount,
  startLifecycleWorld,
  type LifecycleWorld,
} from "../support/lifecycle";

type Lib = {
  githubFor: typeof import("@/lib/github/client").githubFor;
  getValidAccessToken: typeof import("@/lib/github/tokens/valid-token").getValidAccessToken;
  errors: typeof import("@/lib/github/api/errors");
  accessTokenOf: typeof import("@/lib/github/connection/store").accessTokenOf;
  refreshTokenOf: typeof import("@/lib/github/connection/store").refreshTokenOf;
};

describe.each(providers)("token lifecycle on %s", (provider) => {
  let world: LifecycleWorld;
  let lib: Lib;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    const [{ githubFor }, { getValidAccessToken }, errors, { accessTokenOf, refreshTokenOf }] = await Promise.all([
      import("@/lib/github/client"),
      import("@/lib/github/tokens/valid-token"),
      import("@/lib/github/api/errors"),
      import("@/lib/github/connection/store"),
    ]);
    lib = { githubFor, getValidAccessToken, errors, accessTokenOf, refreshTokenOf };
  });
  afterAll(async () => world?.stop());

  const stored = (userId: string) => world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId } });
  const events = async (userId: string) =>
    (await world.inspect.connectionEvent.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.type,
    );
  const whoAmI = (userId: string, options: Record<string, unknown> = {}) =>
    lib
      .githubFor(userId)
      .request("GET /user", options)
      .then((r) => r.data.login);

  async function fresh(login: string) {
    await world.control.reset();
    return connectedUser(world, login);
  }

  it("refresh storm: 50 concurrent requests for a just-expired token make exactly one refresh, and all succeed", async () => {
    const user = await fresh("octocat");
    const before = await stored(user.id);
    await expireAccessToken(world, user.id, "octocat");

    const started = performance.now();
    const logins = await Promise.all(Array.from({ length: 50 }, () => whoAmI(user.id)));
    console.log(
      `[storm ${provider}] 50 requests, ${await refreshCount(world)} refresh, ${(performance.now() - started).toFixed(0)} ms`,
    );

    expect(logins).toEqual(Array(50).fill("octocat"));
    expect(await refreshCount(world)).toBe(1);
    const after = await stored(user.id);
    expect(after.accessTokenCiphertext).not.toBe(before.accessTokenCiphertext);
    expect(after.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);
    expect(after.refreshClaimId).toBeNull();
    expect((await events(user.id)).filter((t) => t === "refreshed")).toHaveLength(1);
  });

  it("a token expiring within five minutes is refreshed before use", async () => {
    const user = await fresh("octocat");
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { accessTokenExpiresAt: new Date(Date.now() + 4 * 60_000) },
    });
    await lib.getValidAccessToken(user.id);
    expect(await refreshCount(world)).toBe(1);
  });

  it("50 concurrent 401s on a token GitHub expired early make one refresh and one retry each", async () => {
    const user = await fresh("octocat");
    await world.control.expire("octocat"); // Hublink still thinks it valid
    const logins = await Promise.all(Array.from({ length: 50 }, () => whoAmI(user.id)));
    expect(logins).toEqual(Array(50).fill("octocat"));
    expect(await refreshCount(world)).toBe(1);
    expect((await stored(user.id)).status).toBe("connected");
  });

  it("rotation: after a refresh the old refresh token is dead at GitHub and the stored pair works", async () => {
    const user = await fresh("octocat");
    const oldRefreshToken = lib.refreshTokenOf(await stored(user.id))!;
    await expireAccessToken(world, user.id, "octocat");
    await whoAmI(user.id);

    const reuse = await fetch(`${world.emulator.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        client_id: world.env.GITHUB_APP_CLIENT_ID,
        client_secret: world.env.GITHUB_APP_CLIENT_SECRET,
        grant_type: "refresh_token",
        refresh_token: oldRefreshToken,
      }),
    });
    expect(await reuse.json()).toMatchObject({ error: "bad_refresh_token" });

    const row = await stored(user.id);
    const accessToken = lib.accessTokenOf(row)!;
    const me = await fetch(`${world.emulator.apiUrl}/user`, { headers: { authorization: `token ${accessToken}` } });
    expect(me.status).toBe(200);
    const newRefresh = world.emulator.state.refreshTokens.get(lib.refreshTokenOf(row)!);
    expect(newRefresh?.used).toBe(false);
  });

  it("rotation: ten expiries in a row keep working", async () => {
    const user = await fresh("octocat");
    for (let i = 1; i <= 10; i++) {
      await expireAccessToken(world, user.id, "octocat");
      expect(await whoAmI(user.id)).toBe("octocat");
      expect(await refreshCount(world)).toBe(i);
    }
    expect((await stored(user.id)).status).toBe("connected");
  });

  it("fault: a refresh answered 500 loses nothing, says 'try again', and the next try succeeds", async () => {
    const user = await fresh("octocat");
    await expireAccessToken(world, user.id, "octocat");
    const before = await stored(user.id);
    await world.control.addFault({ method: "POST", path: "^/login/oauth/access_token$", status: 500, times: 1 });

    await expect(lib.getValidAccessToken(user.id)).rejects.toBeInstanceOf(lib.errors.GitHubUnavailableError);
    const kept = await stored(user.id);
    expect(kept).toMatchObject({
      status: "connected",
      accessTokenCiphertext: before.accessTokenCiphertext,
      refreshTokenCiphertext: before.refreshTokenCiphertext,
      refreshClaimId: null,
    });

    expect(await whoAmI(user.id)).toBe("octocat");
    expect(await refreshCount(world)).toBe(1);
    expect(await events(user.id)).toEqual(["connected", "refresh_failed", "refreshed"]);
  });

  it.each([
    {
      what: "5xx whose body says bad_refresh_token is GitHub failing",
      status: 502,
      body: { error: "bad_refresh_token", error_description: "The refresh token passed is incorrect or expired." },
    },
    {
      what: "400 without an OAuth error (a proxy's page)",
      status: 400,
      body: "<html><body>400 Bad Request</body></html>",
    },
  ])("fault: a refresh answered $what is not a verdict", async ({ status, body }) => {
    const user = await fresh("octocat");
    await expireAccessToken(world, user.id, "octocat");
    const before = await stored(user.id);
    await world.control.addFault({ method: "POST", path: "^/login/oauth/access_token$", status, body, times: 1 });

    await expect(lib.getValidAccessToken(user.id)).rejects.toBeInstanceOf(lib.errors.GitHubUnavailableError);
    expect(await stored(user.id)).toMatchObject({
      status: "connected",
      refreshTokenCiphertext: before.refreshTokenCiphertext,
    });
    expect(await whoAmI(user.id)).toBe("octocat");
  });

  it("fault: a 401 on the API even after a refresh means revoked: tokens deleted, reason and event stored", async () => {
    const user = await fresh("octocat");
    await world.control.addFault({ method: "GET", path: "^/user$", status: 401, body: { message: "Bad credentials" } });
    const failure = await whoAmI(user.id).catch((error: unknown) => error);
    await world.control.clearFaults();

    expect(failure).toBeInstanceOf(lib.errors.GitHubConnectionError);
    expect((failure as InstanceType<typeof lib.errors.GitHubConnectionError>).code).toBe("revoked");
    expect(await refreshCount(world)).toBe(1); // one refresh, one retry, then the verdict
    const row = await stored(user.id);
    expect(row).toMatchObject({
      status: "revoked",
      revokedReason: "token_rejected",
      accessTokenCiphertext: null,
      refreshTokenCiphertext: null,
    });
    expect(row.revokedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await events(user.id)).toEqual(["connected", "refreshed", "revoked"]);
    await expect(lib.getValidAccessToken(user.id)).rejects.toMatchObject({ code: "revoked" });
  });

  it("a grant revoked at GitHub (no webhook) is noticed on the next call: 401, refresh refused → revoked", async () => {
    const user = await fresh("octocat");
    await world.control.revoke("octocat");
    await expect(whoAmI(user.id)).rejects.toMatchObject({ code: "revoked" });
    expect(await stored(user.id)).toMatchObject({
      status: "revoked",
      revokedReason: "refresh_rejected",
      refreshTokenCiphertext: null,
    });
  });

  const form = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
  it.each([
    ["GitHub's bad_refresh_token, its grant revoked, when refreshing ahead of expiry", null],
    ["400 invalid_grant (RFC 6749 §5.2)", { status: 400, body: { error: "invalid_grant", error_description: "gone" } }],
    ["401 invalid_grant", { status: 401, body: { error: "invalid_grant" } }],
    ["400 form-encoded", { status: 400, body: "error=bad_refresh_token&error_description=gone", headers: form }],
    [
      "200 form-encoded despite Accept: application/json",
      { status: 200, body: "error=bad_refresh_token", headers: form },
    ],
  ])("a refresh token refused with %s means expired", async (_name, fault) => {
    const user = await fresh("octocat");
    if (!fault) await world.control.revoke("octocat");
    await expireAccessToken(world, user.id, "octocat");
    if (fault) await world.control.addFault({ method: "POST", path: "^/login/oauth/access_token$", ...fault });
    await expect(lib.getValidAccessToken(user.id)).rejects.toMatchObject({ code: "expired" });
    expect(await stored(user.id)).toMatchObject({
      status: "expired",
      revokedReason: "refresh_token_rejected",
      accessTokenCiphertext: null,
    });
    expect(await events(user.id)).toEqual(["connected", "expired"]);
  });

  it.each([
    ["503", { status: 503, body: { message: "Service unavailable" } }, { reason: "server_error" }],
    [
      "429",
      {
        status: 429,
        body: { message: "rate limited" },
        headers: { "retry-after": "60", "x-ratelimit-remaining": "0" },
      },
      { reason: "rate_limited" },
    ],
    [
      "403 rate limit",
      {
        status: 403,
        body: { message: "API rate limit exceeded" },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "9999999999" },
      },
      { reason: "rate_limited" },
    ],
    ["404", { status: 404, body: { message: "Not Found" } }, { status: 404 }],
  ])(
    "fault: %s on the API is not revocation: the call fails, the connection and tokens stay",
    async (_name, fault, failure) => {
      const user = await fresh("octocat");
      const before = await stored(user.id);
      await world.control.addFault({ method: "GET", path: "^/user$", ...fault });
      await expect(whoAmI(user.id)).rejects.toMatchObject(failure);
      await world.control.clearFaults();
      const after = await stored(user.id);
      expect(after).toMatchObject({
        status: "connected",
        accessTokenCiphertext: before.accessTokenCiphertext,
        refreshTokenCiphertext: before.refreshTokenCiphertext,
      });
      expect(await refreshCount(world)).toBe(0);
      expect(await whoAmI(user.id)).toBe("octocat");
    },
  );

  it("fault: a timeout on the API is not revocation", async () => {
    const user = await fresh("octocat");
    const before = await stored(user.id);
    await world.control.addFault({ method: "GET", path: "^/user$", delayMs: 1500 });
    // The auth hook alone, with a short deadline (githubFor's own is 10 s): it is what decides.
    const { Octokit } = await import("@octokit/rest");
    const { connectionAuthStrategy } = await import("@/lib/github/tokens/valid-token");
    const octokit = new Octokit({
      authStrategy: connectionAuthStrategy,
      auth: { userId: user.id },
      baseUrl: world.emulator.apiUrl,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await expect(octokit.request("GET /user", { request: { signal: AbortSignal.timeout(300) } })).rejects.toMatchObject(
      { name: expect.stringMatching(/TimeoutError|AbortError|HttpError/) },
    );
    await world.control.clearFaults();
    expect(await stored(user.id)).toMatchObject({
      status: "connected",
      accessTokenCiphertext: before.accessTokenCiphertext,
    });
    expect(await refreshCount(world)).toBe(0);
  });

  it("a claim whose holder died is taken over after its lease", async () => {
    const user = await fresh("octocat");
    await expireAccessToken(world, user.id, "octocat");
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: {
        refreshClaimId: "dead-process",
        refreshClaimExpiresAt: new Date(Date.now() - 1),
        version: { increment: 1 },
      },
    });
    expect(await whoAmI(user.id)).toBe("octocat");
    expect(await refreshCount(world)).toBe(1);
  });

  it("proactive check: a connection unverified for a day is checked at GitHub; 404 there means revoked before any API call", async () => {
    const user = await fresh("octocat");
    const dayAndABitAgo = new Date(Date.now() - 25 * 3600_000);
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { lastVerifiedAt: dayAndABitAgo },
    });
    expect(await whoAmI(user.id)).toBe("octocat");
    const verified = await stored(user.id);
    expect(verified.lastVerifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    // The token is deleted at GitHub (as when the person revokes it there and the webhook is lost).
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { lastVerifiedAt: dayAndABitAgo },
    });
    const token = lib.accessTokenOf(verified)!;
    const basic = Buffer.from(`${world.env.GITHUB_APP_CLIENT_ID}:${world.env.GITHUB_APP_CLIENT_SECRET}`).toString(
      "base64",
    );
    const deleted = await fetch(`${world.emulator.apiUrl}/applications/${world.env.GITHUB_APP_CLIENT_ID}/token`, {
      method: "DELETE",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/json" },
      body: JSON.stringify({ access_token: token }),
    });
    expect(deleted.status).toBe(204);
    const callsBefore = (await world.control.stats()).calls["GET /user"] ?? 0;

    await expect(whoAmI(user.id)).rejects.toMatchObject({ code: "revoked" });
    const stats = await world.control.stats();
    // One GET /user: the token confirming the check's 404 (answered 401). The person's own call is
    // never made: it would have met a 401 and refreshed.
    expect(stats.calls["GET /user"] ?? 0).toBe(callsBefore + 1);
    expect(stats.refreshes).toBe(0);
    expect(await stored(user.id)).toMatchObject({ status: "revoked", revokedReason: "token_check_failed" });
  });

  it("proactive check: a server without the token check (404 for every token) does not revoke a token that works", async () => {
    // Gitea, Forgejo and some proxies have no POST /applications/{client_id}/token and answer 404
    // for any token; GitHub's GET /user with the token itself is what settles it.
    const user = await fresh("octocat");
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { lastVerifiedAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const before = await stored(user.id);
    await world.control.addFault({
      method: "POST",
      path: "^/applications/[^/]+/token$",
      status: 404,
      body: { message: "Not Found" },
    });

    expect(await whoAmI(user.id)).toBe("octocat");
    const after = await stored(user.id);
    expect(after).toMatchObject({
      status: "connected",
      revokedReason: null,
      accessTokenCiphertext: before.accessTokenCiphertext,
      refreshTokenCiphertext: before.refreshTokenCiphertext,
    });
    // Counted as verified, so the next day's check is the next question, not the next page view.
    expect(after.lastVerifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await events(user.id)).toEqual(["connected"]);
    expect(await refreshCount(world)).toBe(0);
    const { calls } = await world.control.stats();
    expect(calls["POST /applications/{client_id}/token"]).toBe(1);
  });

  it("a daily check whose token a refresh replaced meanwhile is not revocation: the request goes on with the new token", async () => {
    const user = await fresh("octocat");
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { lastVerifiedAt: new Date(Date.now() - 25 * 3600_000) },
    });
    // GitHub is slow to answer the check; meanwhile another instance (a page view there, or the
    // refresh-expiring-tokens job) refreshes the token, and GitHub forgets the one being checked.
    await world.control.addFault({ method: "POST", path: "^/applications/[^/]+/token$", delayMs: 400, times: 1 });
    const view = whoAmI(user.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { findConnection } = await import("@/lib/github/connection/store");
    const { refreshConnection } = await import("@/lib/github/tokens/refresh");
    await refreshConnection((await findConnection(user.id))!, { afterRejection: false });

    expect(await view).toBe("octocat");
    expect(await stored(user.id)).toMatchObject({ status: "connected", revokedReason: null });
    expect(await refreshCount(world)).toBe(1);
  });

  it.each([
    ["an OAuth-app token (never expiring)", "oauth_app", 0],
    ["a GitHub App token (refreshed for this very request)", "github_app", 1],
  ] as const)(
    "a 401 on %s that a reconnect replaced while the request was in flight is not revocation: the read goes on with the new token",
    async (_name, kind, refreshes) => {
      await world.control.reset();
      const user = await connectedUser(world, "octocat", { kind });
      if (kind === "github_app") {
        // Expiring within five minutes: refreshed before use, so the token sent is a fresh one.
        await world.inspect.gitHubConnection.update({
          where: { userId: user.id },
          data: { accessTokenExpiresAt: new Date(Date.now() + 60_000) },
        });
      }
      // GitHub is slow to answer; while it is, the person ends Hublink's access at GitHub and
      // connects again (on another instance): the token in flight is dead, the row holds its successor.
      await world.control.addFault({ method: "GET", path: "^/user$", delayMs: 1000, times: 1 });
      const view = whoAmI(user.id).catch((error: unknown) => error);
      while (((await world.control.stats()).calls["GET /user"] ?? 0) === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await world.control.revoke("octocat", { clientId: clientIdOf(world, kind), webhook: false });
      await grantConnection(world, user.id, "octocat", { kind });

      expect(await view).toBe("octocat");
      const row = await stored(user.id);
      expect(row).toMatchObject({ status: "connected", revokedReason: null });
      expect(await world.control.stats()).toMatchObject({ calls: { "GET /user": 2 }, refreshes });
      // The read that succeeded used the stored successor, which GitHub still accepts.
      const me = await fetch(`${world.emulator.apiUrl}/user`, {
        headers: { authorization: `token ${lib.accessTokenOf(row)!}` },
      });
      expect(me.status).toBe(200);
      expect((await events(user.id)).filter((type) => type !== "refreshed")).toEqual(["connected", "reconnected"]);
    },
  );

  it("a 401 on the replacement too is revocation: the connection ends after one more try", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat", { kind: "oauth_app" });
    await world.control.addFault({ method: "GET", path: "^/user$", delayMs: 1000, times: 1 });
    const view = whoAmI(user.id).catch((error: unknown) => error);
    while (((await world.control.stats()).calls["GET /user"] ?? 0) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const clientId = clientIdOf(world, "oauth_app");
    await world.control.revoke("octocat", { clientId, webhook: false });
    await grantConnection(world, user.id, "octocat", { kind: "oauth_app" });
    await world.control.revoke("octocat", { clientId, webhook: false });

    expect(await view).toMatchObject({ code: "revoked" });
    expect((await world.control.stats()).calls["GET /user"]).toBe(2);
    expect(await stored(user.id)).toMatchObject({
      status: "revoked",
      revokedReason: "token_rejected",
      accessTokenCiphertext: null,
    });
    expect(await events(user.id)).toEqual(["connected", "reconnected", "revoked"]);
  });
});
