import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { getEnv } from "../../config/env";
import { safeReturnTo } from "../../navigation/return-to";

// The `state` Hublink sends to GitHub's installation page and gets back on the setup URL: a signed,
// 10-minute JWT saying who started the installation and where to return. Unlike the OAuth flow it
// needs no cookie, because GitHub passes it through the whole installation dance.

const ISSUER = "hublink";
const AUDIENCE = "github-app-installation";
const TTL_SECONDS = 10 * 60;

export type InstallState = { userId: string; returnTo: string; action: "install"; nonce: string };

// A key of its own, derived from SESSION_SECRET, so this token can never pass for another kind.
function signingKey(): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", getEnv().sessionSecret, "hublink", "github-app-install-state", 32));
}

export async function signInstallState(userId: string, returnTo: string, now = Date.now()): Promise<string> {
  const nowSeconds = Math.floor(now / 1000);
  return new SignJWT({ returnTo: safeReturnTo(returnTo), action: "install" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setJti(randomBytes(16).toString("base64url"))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + TTL_SECONDS)
    .sign(signingKey());
}

/** The state's claims, or null when it is forged, altered, expired or not an installation state. */
export async function verifyInstallState(token: string, now = Date.now()): Promise<InstallState | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(now),
    });
    if (payload.action !== "install" || typeof payload.sub !== "string" || typeof payload.jti !== "string") return null;
    return { userId: payload.sub, returnTo: safeReturnTo(payload.returnTo), action: "install", nonce: payload.jti };
  } catch {
    return null;
  }
}
