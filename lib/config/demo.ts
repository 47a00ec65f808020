// Hublink's demo mode: the apps it registers in the local GitHub emulator (@hublink/github-emulator) and
// their credentials. This file is the one copy of them. They are public demo values, not secrets, and
// work nowhere but the emulator on this machine. lib/config/env.ts uses the credentials in demo mode;
// scripts/dev.ts, scripts/emulator.ts and the tests hand demoEmulatorApps(appUrl) to the emulator.
import type { EmulatorApps } from "@hublink/github-emulator";

export const DEMO_EMULATOR_PORT = 4010;

export const DEMO_SIGN_IN_APP = {
  clientId: "Ov23liHublinkSignIn01",
  clientSecret: "hublink-demo-signin-secret",
} as const;

export const DEMO_CONNECT_APP = {
  clientId: "Ov23liHublinkConnect1",
  clientSecret: "hublink-demo-connect-secret",
} as const;

export const DEMO_GITHUB_APP = {
  slug: "hublink-demo",
  clientId: "Iv23liHublinkDemoApp1",
  clientSecret: "hublink-demo-app-secret",
  webhookSecret: "hublink-demo-webhook-secret",
} as const;

/**
 * The emulator's `apps` option for Hublink at `appUrl`: the sign-in and connect OAuth apps and the demo
 * GitHub App, with Hublink's callback, setup and webhook routes.
 */
export function demoEmulatorApps(appUrl: string): EmulatorApps {
  const base = appUrl.replace(/\/+$/, "");
  return {
    oauthApps: [
      { kind: "oauth_app", name: "Hublink", ...DEMO_SIGN_IN_APP, callbackUrl: `${base}/api/auth/callback/github` },
      { kind: "oauth_app", name: "Hublink Connect", ...DEMO_CONNECT_APP, callbackUrl: `${base}/api/github/callback` },
    ],
    githubApp: {
      kind: "github_app",
      // The emulator numbers its apps; Hublink itself needs no App ID.
      id: 1001,
      slug: DEMO_GITHUB_APP.slug,
      name: "Hublink Demo",
      clientId: DEMO_GITHUB_APP.clientId,
      clientSecret: DEMO_GITHUB_APP.clientSecret,
      webhookSecret: DEMO_GITHUB_APP.webhookSecret,
      webhookUrl: `${base}/api/github/webhooks`,
      callbackUrls: [`${base}/api/github/callback`],
      setupUrl: `${base}/api/github/callback`,
      requestOAuthOnInstall: true,
      expireUserTokens: true,
      permissions: {
        metadata: "read",
        contents: "read",
        issues: "read",
        pull_requests: "read",
        checks: "read",
        statuses: "read",
      },
      events: ["issues", "pull_request"],
    },
  };
}
