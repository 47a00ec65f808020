import "server-only";
import { createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { getEnv } from "../../config/env";
import { safeReturnTo } from "../../navigation/return-to";

// The `state` Hublink sends to GitHub's installation page and gets back on the setup URL: a signed,
// 10-minute JWT saying who started the installation and where to return. A signature alone would
// let anyone who starts an installation reuse their state in someone else's browser (with a stolen
// install-time code), so the state is also bound to the browser that started it: it carries the
// hash of a random value that only that browser holds, in an httpOnly cookie. The setup callback
// then uses it up (single use, by its jti).

const ISSUER = "hublink";
const AUDIENCE = "github-app-installation";
export const INSTALL_TTL_SECONDS = 10 * 60;
export const INSTALL_COOKIE = "hublink_install_flow";

export type InstallState = { userId: string; returnTo: string; action: "install"; nonce: string; expiresAt: Date };

// A key of its own, derived from SESSION_SECRET, so this token can never pass for another kind.
function signingKey(): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", getEnv().sessionSecret, "hublink", "github-app-install-state", 32));
}

const bindingHash = (binding: string) => createHash("sha256").update(binding).digest("base64url");

/** The state for GitHub, and the value the starting browser keeps in INSTALL_COOKIE. */
export async function signInstallState(
  userId: string,
  returnTo: string,
  now = Date.now(),
): Promise<{ state: string; binding: string }> {
  const nowSeconds = Math.floor(now / 1000);
  const binding = randomBytes(32).toString("base64url");
  const state = await new SignJWT({ returnTo: safeReturnTo(returnTo), action: "install", bnd: bindingHash(binding) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setJti(randomBytes(16).toString("base64url"))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + INSTALL_TTL_SECONDS)
    .sign(signingKey());
  return { state, binding };
}

/**
 * The state's claims, or null when it is forged, altered, expired, not an installation state, or
 * presented by a browser other than the one that started the installation (`binding` is that
 * browser's INSTALL_COOKIE).
 */
export async function verifyInstallState(
  token: string,
  binding: string | undefined,
  now = Date.now(),
): Promise<InstallState | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(now),
    });
    if (payload.action !== "install" || typeof payload.sub !== "string" || typeof payload.jti !== "string") return null;
    if (typeof payload.bnd !== "string" || !binding || typeof payload.exp !== "number") return null;
    const expected = Buffer.from(payload.bnd);
    const presented = Buffer.from(bindingHash(binding));
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return null;
    return {
      userId: payload.sub,
      returnTo: safeReturnTo(payload.returnTo),
      action: "install",
      nonce: payload.jti,
      expiresAt: new Date(payload.exp * 1000),
    };
  } catch {
    return null;
  }
}
