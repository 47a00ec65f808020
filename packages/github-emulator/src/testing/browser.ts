import { createHash, randomBytes } from "node:crypto";
import type { RunningEmulator } from "../index";

// Drive the emulator's HTML forms like a person in a browser, and exchange codes like an app.

/** A cookie-keeping client that does not follow redirects, so each step can be inspected. */
export class Browser {
  private jar = new Map<string, string>();
  constructor(readonly origin: string) {}

  async request(method: string, pathOrUrl: string, form?: Record<string, string> | URLSearchParams): Promise<Response> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.origin}${pathOrUrl}`;
    const headers: Record<string, string> = { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ") };
    let body: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = (form instanceof URLSearchParams ? form : new URLSearchParams(form)).toString();
    }
    const res = await fetch(url, { method, headers, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  get(pathOrUrl: string) {
    return this.request("GET", pathOrUrl);
  }
}

export function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    out[decode(m[1] ?? "")] = decode(m[2] ?? "");
  return out;
}

function decode(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
}

export interface AuthorizeResult {
  /** The redirect the emulator answered with (null when it showed a page instead). */
  location: URL | null;
  status: number;
  html: string;
  code?: string;
  state?: string;
  consentShown: boolean;
}

/**
 * Runs GET /login/oauth/authorize as a person would: picks `login` on the sign-in page if shown, then presses
 * Authorize (or Cancel) on the consent page if shown.
 */
export async function authorize(
  browser: Browser,
  params: Record<string, string | undefined>,
  opts: { login?: string; decision?: "authorize" | "cancel" } = {},
): Promise<AuthorizeResult> {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  let res = await browser.get(`/login/oauth/authorize?${q}`);
  let html = res.status === 200 ? await res.text() : "";
  if (html.includes('action="/session"')) {
    const returnTo = hiddenInputs(html).return_to ?? "/";
    res = await browser.request("POST", "/session", { return_to: returnTo, login: opts.login ?? "octocat" });
    res = await browser.get(res.headers.get("location") ?? "/");
    html = res.status === 200 ? await res.text() : "";
  }
  let consentShown = false;
  if (res.status === 200 && html.includes('action="/login/oauth/authorize"')) {
    consentShown = true;
    res = await browser.request("POST", "/login/oauth/authorize", {
      ...hiddenInputs(html),
      authorize: opts.decision === "cancel" ? "0" : "1",
    });
    html = "";
  }
  const loc = res.headers.get("location");
  const location = loc ? new URL(loc, browser.origin) : null;
  if (!location && !html) html = await res.text();
  return {
    location,
    status: res.status,
    html,
    consentShown,
    code: location?.searchParams.get("code") ?? undefined,
    state: location?.searchParams.get("state") ?? undefined,
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** POST /login/oauth/access_token with JSON out, as the app does it. */
export async function exchange(
  emu: RunningEmulator,
  params: Record<string, string | undefined>,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(`${emu.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  return (await res.json()) as Record<string, unknown>;
}

/** A live token for `login`, obtained through the real authorize + token flow. */
export async function tokenFor(
  emu: RunningEmulator,
  login: string,
  options: { clientId?: string; scope?: string } = {},
): Promise<string> {
  const app = emu.state.appByClientId(options.clientId ?? emu.apps.oauthApps[0]?.clientId);
  if (!app)
    throw new Error(`no registered app with client_id ${options.clientId ?? "(none: no OAuth app registered)"}`);
  const scope = options.scope ?? "repo read:org";
  const r = await authorize(
    new Browser(emu.url),
    { client_id: app.clientId, scope: app.kind === "github_app" ? undefined : scope, state: "t" },
    { login },
  );
  const out = await exchange(emu, { client_id: app.clientId, client_secret: app.clientSecret, code: r.code });
  if (typeof out.access_token !== "string") throw new Error(`no token: ${JSON.stringify(out)}`);
  return out.access_token;
}
