import "server-only";
import { getEnv } from "../config/env";

/**
 * The cookies that carry a GitHub flow's browser binding (connect, install): httpOnly, sent only to
 * /api/github, Secure when the app is served over https, and SameSite=Lax — sent on GitHub's
 * top-level redirect back to us, never on a cross-site post.
 */
export function flowCookieOptions(maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().appUrl.startsWith("https://"),
    path: "/api/github",
    maxAge,
  };
}
