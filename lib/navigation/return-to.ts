// Where to send a person after a flow that left the app (sign-in, connect, install). Only a path on
// this site is honoured: anything a browser could read as another origin — `//evil.example`,
// `/\evil.example`, `https://…`, `javascript:` — falls back to the dashboard. Pure, so client and
// server agree.

export const DEFAULT_RETURN_TO = "/dashboard";
const PROBE_ORIGIN = "http://hublink.invalid";

export function safeReturnTo(value: unknown, fallback: string = DEFAULT_RETURN_TO): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Browsers treat "\" like "/" and drop tabs/newlines, so "/\evil" and "/\t/evil" mean "//evil".
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
