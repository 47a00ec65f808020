import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GitHubApp, OAuthApp } from "./model";

/** Public demo key, committed on purpose: it signs nothing that matters outside the emulator. */
export const DEMO_APP_PRIVATE_KEY_PATH = fileURLToPath(new URL("./demo-app-private-key.pem", import.meta.url));
export const DEMO_APP_PRIVATE_KEY = readFileSync(DEMO_APP_PRIVATE_KEY_PATH, "utf8");

/** Demo credentials the app's demo mode and tests rely on. Secrets here are demo values, not secrets. */
export const DEMO = {
  signIn: { clientId: "Ov23liHublinkSignIn01", clientSecret: "hublink-demo-signin-secret" },
  connect: { clientId: "Ov23liHublinkConnect1", clientSecret: "hublink-demo-connect-secret" },
  githubApp: {
    id: 1001,
    slug: "hublink-demo",
    clientId: "Iv23liHublinkDemoApp1",
    clientSecret: "hublink-demo-app-secret",
    webhookSecret: "hublink-demo-webhook-secret",
    privateKeyPath: DEMO_APP_PRIVATE_KEY_PATH,
  },
  /** The emulator's own OAuth app, used by its home page so a person can try the flow without Hublink. */
  emulatorClient: { clientId: "Ov23liEmulatorDemo001", clientSecret: "emulator-demo-secret" },
  users: ["octocat", "hubot", "monalisa", "bigcat"],
  org: "octo-org",
} as const;

export interface EmulatorApps {
  signIn: OAuthApp;
  connect: OAuthApp;
  githubApp: GitHubApp;
}

export function demoApps(appUrl: string): EmulatorApps {
  const base = appUrl.replace(/\/+$/, "");
  return {
    signIn: {
      kind: "oauth_app",
      name: "Hublink",
      clientId: DEMO.signIn.clientId,
      clientSecret: DEMO.signIn.clientSecret,
      callbackUrl: `${base}/api/auth/callback/github`,
    },
    connect: {
      kind: "oauth_app",
      name: "Hublink Connect",
      clientId: DEMO.connect.clientId,
      clientSecret: DEMO.connect.clientSecret,
      callbackUrl: `${base}/api/github/callback`,
    },
    githubApp: {
      kind: "github_app",
      id: DEMO.githubApp.id,
      slug: DEMO.githubApp.slug,
      name: "Hublink Demo",
      clientId: DEMO.githubApp.clientId,
      clientSecret: DEMO.githubApp.clientSecret,
      webhookSecret: DEMO.githubApp.webhookSecret,
      webhookUrl: `${base}/api/github/webhooks`,
      callbackUrls: [`${base}/api/github/callback`],
      setupUrl: `${base}/api/github/callback`,
      requestOAuthOnInstall: true,
      expireUserTokens: true,
      permissions: { metadata: "read", contents: "read", issues: "read", pull_requests: "read" },
      events: ["issues", "pull_request"],
      privateKey: DEMO_APP_PRIVATE_KEY,
    },
  };
}

/** Callback of the emulator's own demo client: a page on the emulator that shows the code and state. */
export function emulatorClient(emulatorUrl: string): OAuthApp {
  return {
    kind: "oauth_app",
    name: "GitHub Emulator demo",
    clientId: DEMO.emulatorClient.clientId,
    clientSecret: DEMO.emulatorClient.clientSecret,
    callbackUrl: `${emulatorUrl}/demo/callback`,
  };
}
