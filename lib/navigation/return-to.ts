// Where to send a person after a flow that left the app (sign-in, connect, install). Only a path on
// this site is honoured: anything a browser could read as another origin — `//evil.example`,
// `/\evil.example`, `https://…`, `javascript:` — falls back to the dashboard. The *normalised*
// result is what is checked, because dot segments turn harmless-looking input into another origin:
// `/.//evil.example` and `/%2e%2e//evil.example` both normalise to `//evil.example`. Pure, so
// client and server agree.

export const DEFAULT_RETURN_TO = "/dashboard";
const PROBE_ORIGIN = "http://hublink.invalid";

/** A path a browser resolves on this origin whatever it is joined to: "/x", never "//x" or "/\x". */
function isLocalPath(value: string): boolean {
  // Browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" and "/\t/evil" mean "//evil".
  return value.startsWith("/") && !value.startsWith("//") && !/[\\\u0000-\u001f\u007f]/.test(value);
}

export function safeReturnTo(value: unknown, fallback: string = DEFAULT_RETURN_TO): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048 || !isLocalPath(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== PROBE_ORIGIN || !isLocalPath(normalised)) return fallback;
  // Resolving the result again must change nothing (no second round of dot segments or encodings).
  return new URL(normalised, PROBE_ORIGIN).origin === PROBE_ORIGIN ? normalised : fallback;
}

/**
 * The absolute URL of a path on this app, for a redirect: resolved against APP_URL, and only if
 * the result keeps APP_URL's origin (else the app's default page).
 */
export function appUrlFor(path: string, appUrl: string): URL {
  const base = new URL(appUrl);
  const target = new URL(safeReturnTo(path), base);
  return target.origin === base.origin ? target : new URL(DEFAULT_RETURN_TO, base);
}
