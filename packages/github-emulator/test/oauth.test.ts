import {
  checkToken,
  deleteAuthorization,
  deleteToken,
  exchangeWebFlowCode,
  refreshToken,
  resetToken,
} from "@octokit/oauth-methods";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS as APPS, type RunningEmulator } from "../src/index";
import { redirectUriAllowed } from "../src/oauth-authorize";
import { Browser, authorize, emulatorControl, exchange, pkcePair, startTestEmulator } from "../src/testing";
import { emulatorRequest, octokitFor } from "./helpers";

const APP_URL = "http://127.0.0.1:9";
// The default apps: an OAuth app and a GitHub App, both with callback `${appUrl}/callback`.
const SIGN_IN_CB = `${APP_URL}/callback`;
const CONNECT_CB = `${APP_URL}/callback`;
const signIn = {
  client_id: APPS.oauthApp.clientId,
  redirect_uri: SIGN_IN_CB,
  scope: "read:user user:email",
  state: "st-123",
};

let emu: RunningEmulator;
let clockOffset = 0;

beforeAll(async () => {
  emu = await startTestEmulator({ appUrl: APP_URL, now: () => Date.now() + clockOffset });
});
afterAll(() => emu.stop());
beforeEach(async () => {
  clockOffset = 0;
  await emulatorControl(emu.url).reset();
});

const browser = () => new Browser(emu.url);

async function signInCode(params: Record<string, string | undefined> = signIn, login = "octocat") {
  const r = await authorize(browser(), params, { login });
  expect(r.code, `no code; status ${r.status} ${r.location?.toString() ?? r.html.slice(0, 200)}`).toBeTruthy();
  return r;
}

describe("authorize page", () => {
  it("lists seeded users as buttons named by login, then asks for consent showing the scopes", async () => {
    const b = browser();
    const first = await b.get(`/login/oauth/authorize?${new URLSearchParams(signIn)}`);
    const html = await first.text();
    for (const login of ["octocat", "hubot", "monalisa"]) expect(html).toContain(`value="${login}">${login}</button>`);
    const signedIn = await b.request("POST", "/session", {
      return_to: `/login/oauth/authorize?${new URLSearchParams(signIn)}`,
      login: "hubot",
    });
    const consent = await (await b.get(signedIn.headers.get("location") ?? "")).text();
    expect(consent).toMatch(/<button[^>]*>Authorize Example OAuth App<\/button>/);
    expect(consent).toMatch(/<button[^>]*>Cancel<\/button>/);
    expect(consent).toContain("<li>read:user</li>");
    expect(consent).toContain("<li>user:email</li>");
  });

  it("shows an error page, not a redirect, for an unknown client_id", async () => {
    const res = await browser().get(
      `/login/oauth/authorize?client_id=nope&redirect_uri=${encodeURIComponent(SIGN_IN_CB)}`,
    );
    expect(res.status).toBe(404);
    expect(res.headers.get("location")).toBeNull();
  });

  it("applies GitHub's redirect_uri rules", async () => {
    const attempt = (client_id: string, redirect_uri: string) =>
      authorize(browser(), { client_id, redirect_uri, state: "s" });
    expect((await attempt(signIn.client_id, `${SIGN_IN_CB}/deeper`)).code).toBeTruthy();
    expect((await attempt(signIn.client_id, "http://127.0.0.1:7777/callback")).code).toBeTruthy();
    const otherHost = await attempt(signIn.client_id, "http://evil.example/callback");
    expect([otherHost.status, otherHost.location]).toEqual([400, null]);
    expect((await attempt(signIn.client_id, `${APP_URL}/elsewhere`)).status).toBe(400);
    expect((await attempt(APPS.githubApp.clientId, CONNECT_CB)).code).toBeTruthy();
    expect((await attempt(APPS.githubApp.clientId, `${CONNECT_CB}/deeper`)).status).toBe(400);
  });

  it("keeps the port fixed for non-loopback hosts and the path at or below the callback", () => {
    const app = {
      kind: "oauth_app",
      name: "x",
      clientId: "x",
      clientSecret: "y",
      callbackUrl: "https://app.example.com/auth/callback",
    } as const;
    expect(redirectUriAllowed(app, "https://app.example.com/auth/callback/more")).toBe(true);
    expect(redirectUriAllowed(app, "https://app.example.com:8443/auth/callback")).toBe(false);
    expect(redirectUriAllowed(app, "http://app.example.com/auth/callback")).toBe(false);
    expect(redirectUriAllowed(app, "https://app.example.com/auth/callbackx")).toBe(false);
  });

  it("uses the registered callback when redirect_uri is omitted", async () => {
    const r = await signInCode({ ...signIn, redirect_uri: undefined });
    expect(`${r.location?.origin}${r.location?.pathname}`).toBe(SIGN_IN_CB);
  });

  it("redirects Cancel with access_denied, GitHub's description and uri, and the state", async () => {
    const r = await authorize(browser(), signIn, { decision: "cancel" });
    expect(r.location?.toString()).toBe(
      `${SIGN_IN_CB}?error=access_denied&error_description=The+user+has+denied+your+application+access.&error_uri=https%3A%2F%2Fdocs.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-authorization-request-errors%2F%23access-denied&state=st-123`,
    );
  });

  it("skips consent when an earlier grant covers the scopes, and asks again for a new scope", async () => {
    const b = browser();
    expect((await authorize(b, signIn)).consentShown).toBe(true);
    const again = await authorize(b, { ...signIn, scope: "user:email" });
    expect([again.consentShown, Boolean(again.code)]).toEqual([false, true]);
    expect((await authorize(b, { ...signIn, scope: "repo" })).consentShown).toBe(true);
  });

  it("shows the picker again with prompt=select_account and preselects login=", async () => {
    const b = browser();
    await authorize(b, signIn);
    const res = await b.get(
      `/login/oauth/authorize?${new URLSearchParams({ ...signIn, prompt: "select_account", login: "monalisa" })}`,
    );
    const html = await res.text();
    expect(html).toContain('value="monalisa" class="primary" autofocus>monalisa</button>');
  });
});

describe("PKCE", () => {
  it("accepts S256 with the right verifier", async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await signInCode({ ...signIn, code_challenge: challenge, code_challenge_method: "S256" });
    const out = await exchange(emu, {
      client_id: signIn.client_id,
      client_secret: APPS.oauthApp.clientSecret,
      code,
      code_verifier: verifier,
    });
    expect(out.access_token).toMatch(/^gho_[A-Za-z0-9]{36}$/);
  });

  it("rejects plain, and a challenge without its method", async () => {
    const { challenge } = pkcePair();
    const plain = await authorize(browser(), { ...signIn, code_challenge: challenge, code_challenge_method: "plain" });
    expect(plain.location?.searchParams.get("error")).toBe("invalid_request");
    expect(plain.location?.searchParams.get("state")).toBe("st-123");
    const noMethod = await authorize(browser(), { ...signIn, code_challenge: challenge });
    expect(noMethod.location?.searchParams.get("error")).toBe("invalid_request");
    const short = await authorize(browser(), { ...signIn, code_challenge: "abc", code_challenge_method: "S256" });
    expect(short.location?.searchParams.get("error")).toBe("invalid_request");
  });

  it("rejects a wrong or missing verifier with bad_verification_code", async () => {
    const { challenge } = pkcePair();
    const { code } = await signInCode({ ...signIn, code_challenge: challenge, code_challenge_method: "S256" });
    const creds = { client_id: signIn.client_id, client_secret: APPS.oauthApp.clientSecret, code };
    expect((await exchange(emu, { ...creds, code_verifier: pkcePair().verifier })).error).toBe("bad_verification_code");
    expect((await exchange(emu, creds)).error).toBe("bad_verification_code");
  });
});

describe("POST /login/oauth/access_token", () => {
  const creds = { client_id: APPS.oauthApp.clientId, client_secret: APPS.oauthApp.clientSecret };

  it("exchanges a code through @octokit/oauth-methods and answers form-encoded without Accept: json", async () => {
    const { code } = await signInCode();
    const { authentication } = await exchangeWebFlowCode({
      clientType: "oauth-app",
      clientId: creds.client_id,
      clientSecret: creds.client_secret,
      code: code ?? "",
      redirectUrl: SIGN_IN_CB,
      request: emulatorRequest(emu),
    });
    expect(authentication.token).toMatch(/^gho_[A-Za-z0-9]{36}$/);
    const { data } = await octokitFor(emu, authentication.token).rest.users.getAuthenticated();
    expect(data.login).toBe("octocat");

    const second = await signInCode();
    const res = await fetch(`${emu.url}/login/oauth/access_token`, {
      method: "POST",
      body: new URLSearchParams({ ...creds, code: second.code ?? "" }),
    });
    expect(res.headers.get("content-type")).toContain("application/x-www-form-urlencoded");
    const form = new URLSearchParams(await res.text());
    expect([form.get("scope"), form.get("token_type")]).toEqual(["read:user,user:email", "bearer"]);
  });

  it("accepts client credentials as HTTP Basic (client_secret_basic)", async () => {
    const { code } = await signInCode();
    const res = await fetch(`${emu.url}/login/oauth/access_token`, {
      method: "POST",
      headers: {
        accept: "application/json",
        authorization: `Basic ${Buffer.from(`${creds.client_id}:${creds.client_secret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code: code ?? "", redirect_uri: SIGN_IN_CB }),
    });
    expect(((await res.json()) as { access_token?: string }).access_token).toMatch(/^gho_/);
  });

  it("accepts a JSON body", async () => {
    const { code } = await signInCode();
    const res = await fetch(`${emu.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ ...creds, code }),
    });
    expect(((await res.json()) as { access_token: string }).access_token).toMatch(/^gho_/);
  });

  it("errors with HTTP 200: wrong secret, reused code, expired code, redirect_uri mismatch", async () => {
    const a = await signInCode();
    const wrong = await fetch(`${emu.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ ...creds, client_secret: "nope", code: a.code ?? "" }),
    });
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).toMatchObject({
      error: "incorrect_client_credentials",
      error_description: "The client_id and/or client_secret passed are incorrect.",
    });
    expect((await exchange(emu, { ...creds, code: a.code, redirect_uri: `${SIGN_IN_CB}/other` })).error).toBe(
      "redirect_uri_mismatch",
    );
    expect((await exchange(emu, { ...creds, code: a.code })).access_token).toBeTruthy();
    expect(await exchange(emu, { ...creds, code: a.code })).toMatchObject({
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
    });

    const b = await signInCode();
    clockOffset = 10 * 60 * 1000 + 1000;
    expect((await exchange(emu, { ...creds, code: b.code })).error).toBe("bad_verification_code");
  });
});

describe("home page", () => {
  it("lets a person click through sign-in and consent with the emulator's own demo client", async () => {
    const b = browser();
    const home = await (await b.get("/")).text();
    expect(home).toContain(APPS.oauthApp.clientId);
    const href = /<a href="([^"]+)">Try sign-in and consent<\/a>/.exec(home)?.[1]?.replace(/&#38;/g, "&") ?? "";
    const params = Object.fromEntries(new URL(href).searchParams);
    const r = await authorize(b, params, { login: "monalisa" });
    expect(`${r.location?.origin}${r.location?.pathname}`).toBe(`${emu.url}/demo/callback`);
    const shown = await (await b.get(r.location?.toString() ?? "")).text();
    expect(shown).toContain(r.code ?? "missing");
    expect(shown).toContain("try-it-state");
    const avatar = await b.get("/avatars/monalisa.png");
    expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
  });
});

describe("GitHub App user tokens", () => {
  const app = {
    clientType: "github-app" as const,
    clientId: APPS.githubApp.clientId,
    clientSecret: APPS.githubApp.clientSecret,
  };

  async function appTokens() {
    const r = await authorize(browser(), { client_id: app.clientId, redirect_uri: CONNECT_CB, state: "x" });
    const raw = await exchange(emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r.code });
    return raw as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      refresh_token_expires_in: number;
      scope: string;
    };
  }

  it("issues ghu_ tokens that expire, with a ghr_ refresh token", async () => {
    const t = await appTokens();
    expect(t.access_token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(t.refresh_token).toMatch(/^ghr_[A-Za-z0-9]{76}$/);
    expect([t.expires_in, t.refresh_token_expires_in, t.scope]).toEqual([28800, 15897600, ""]);
    clockOffset = 28800 * 1000 + 1;
    await expect(octokitFor(emu, t.access_token).rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    const { authentication } = await refreshToken({
      ...app,
      refreshToken: t.refresh_token,
      request: emulatorRequest(emu),
    });
    expect((await octokitFor(emu, authentication.token).rest.users.getAuthenticated()).data.login).toBe("octocat");
  });

  it("rotates on refresh: the old refresh and access tokens die at once, reuse is bad_refresh_token", async () => {
    const t = await appTokens();
    const { authentication } = await refreshToken({
      ...app,
      refreshToken: t.refresh_token,
      request: emulatorRequest(emu),
    });
    expect(authentication.refreshToken).not.toBe(t.refresh_token);
    await expect(octokitFor(emu, t.access_token).rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    await expect(
      refreshToken({ ...app, refreshToken: t.refresh_token, request: emulatorRequest(emu) }),
    ).rejects.toThrow(/bad_refresh_token/);
    const again = await refreshToken({
      ...app,
      refreshToken: authentication.refreshToken,
      request: emulatorRequest(emu),
    });
    expect(again.authentication.token).toMatch(/^ghu_/);
    const stats = await emulatorControl(emu.url).stats();
    expect([stats.refreshes, stats.codeExchanges]).toEqual([2, 1]);
  });

  it("lets exactly one of two simultaneous refreshes with the same token win", async () => {
    const t = await appTokens();
    const body = {
      client_id: app.clientId,
      client_secret: app.clientSecret,
      grant_type: "refresh_token",
      refresh_token: t.refresh_token,
    };
    const results = await Promise.all([exchange(emu, body), exchange(emu, body)]);
    expect(results.filter((r) => typeof r.access_token === "string")).toHaveLength(1);
    expect(results.filter((r) => r.error === "bad_refresh_token")).toHaveLength(1);
  });
});

describe("token management API (HTTP Basic)", () => {
  const app = {
    clientType: "github-app" as const,
    clientId: APPS.githubApp.clientId,
    clientSecret: APPS.githubApp.clientSecret,
  };

  it("checks, resets and deletes tokens and grants", async () => {
    const r = await authorize(browser(), { client_id: app.clientId, state: "x" });
    const t = (await exchange(emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r.code }))
      .access_token as string;
    const request = emulatorRequest(emu);
    const checked = await checkToken({ ...app, token: t, request });
    expect(checked.data.expires_at).toBeTruthy();
    expect(checked.data.user?.login).toBe("octocat");
    await expect(checkToken({ ...app, token: "ghu_nope", request })).rejects.toMatchObject({ status: 404 });

    const reset = await resetToken({ ...app, token: t, request });
    expect(reset.authentication.token).not.toBe(t);
    await expect(checkToken({ ...app, token: t, request })).rejects.toMatchObject({ status: 404 });

    expect((await deleteToken({ ...app, token: reset.authentication.token, request })).status).toBe(204);
    await expect(octokitFor(emu, reset.authentication.token).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 401,
    });

    const r2 = await authorize(browser(), { client_id: app.clientId, state: "y" });
    const t2 = (await exchange(emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r2.code }))
      .access_token as string;
    const r3 = await authorize(browser(), { client_id: app.clientId, state: "z" });
    const t3 = (await exchange(emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r3.code }))
      .access_token as string;
    expect((await deleteAuthorization({ ...app, token: t2, request })).status).toBe(204);
    await expect(octokitFor(emu, t3).rest.users.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });
});
