// The security headers of every response Hublink serves, decided in one place (proxy.ts applies
// them). Pure, so they can be tested without a server.
//
// - Content-Security-Policy: scripts only from this origin or carrying this response's nonce
//   ('strict-dynamic' lets those load Next's chunks); no eval outside development; no framing
//   (frame-ancestors 'none', with X-Frame-Options for older browsers) — a framed Hublink page could
//   be clicked through invisibly; forms may post only here and to GitHub (sign-in and installing
//   leave through a form's redirect).
// - Styles allow inline style attributes (label colours); scripts never run from them.
// - HSTS only when the app is served over https (it would break plain-http development).

export type SecurityContext = {
  /** A fresh random value per response; null for responses that carry no HTML (API routes). */
  nonce: string | null;
  appUrl: string;
  /** GitHub's web origin (github.com, GitHub Enterprise Server or the emulator). */
  githubUrl: string;
  development: boolean;
};

const AVATAR_ORIGINS = ["https://avatars.githubusercontent.com"];

export function contentSecurityPolicy({ nonce, githubUrl, development }: SecurityContext): string {
  if (nonce === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const github = new URL(githubUrl).origin;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${[github, ...AVATAR_ORIGINS].join(" ")}`,
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${github}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(context),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(context.appUrl.startsWith("https://")
      ? { "strict-transport-security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}
