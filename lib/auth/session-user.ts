import "server-only";
import { getEnv } from "../config/env";
import { db, readRows } from "../db/client";
import { authAdapter } from "./adapter";

export type SignedInUser = { id: string; login: string | null; name: string | null; image: string | null };

/**
 * Secure (and __Secure-prefixed) cookies whenever the public URL is https, whatever scheme the
 * request reached this instance with (TLS usually ends at the load balancer).
 */
export const secureCookies = () => getEnv().appUrl.startsWith("https://");

/** The database session's cookie, as Auth.js names it. */
export const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}authjs.session-token`;

/** Auth.js's adapter (lib/auth/auth.ts) and the pages read sessions through the same one. */
export const sessionStore = authAdapter(db, readRows);

/**
 * The person a database session belongs to, or null (no cookie, no such session, expired): what
 * Auth.js's auth() answers for a database session, without the internal request it makes to its
 * own session endpoint (2.5 ms of CPU per page view, measured). Route handlers and server actions
 * still call auth(): there Auth.js may also renew the session cookie, which a page cannot set.
 */
export async function userOfSession(sessionToken: string | undefined, now = Date.now()): Promise<SignedInUser | null> {
  if (!sessionToken) return null;
  const found = await sessionStore.getSessionAndUser!(sessionToken);
  if (!found || found.session.expires.getTime() <= now) return null;
  const { id, login, name, image } = found.user;
  return { id, login: login ?? null, name: name ?? null, image: image ?? null };
}
