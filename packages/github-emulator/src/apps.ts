import type { GitHubApp, OAuthApp } from "./model";

/** The apps the emulator knows: any number of OAuth apps and one GitHub App (installations, webhooks). */
export interface EmulatorApps {
  oauthApps: OAuthApp[];
  githubApp: GitHubApp;
}

/**
 * Credentials of the apps registered when no `apps` are given. Public example values, not secrets:
 * they work nowhere but in the emulator.
 */
export const DEFAULT_CREDENTIALS = {
  oauthApp: { clientId: "Ov23liEmulatorOAuth01", clientSecret: "emulator-oauth-app-secret" },
  githubApp: {
    id: 1,
    slug: "emulator-app",
    clientId: "Iv23liEmulatorApp0001",
    clientSecret: "emulator-github-app-secret",
    webhookSecret: "emulator-webhook-secret",
  },
  /** The emulator's own OAuth app, always registered: its home page uses it so a person can try the flow. */
  demoClient: { clientId: "Ov23liEmulatorDemo001", clientSecret: "emulator-demo-secret" },
} as const;

/** Default app URL when neither `appUrl` nor `apps` is given. */
export const DEFAULT_APP_URL = "http://localhost:3000";

/**
 * The default apps for an application at `appUrl`: an OAuth app with callback `${appUrl}/callback` and a
 * GitHub App with callback and setup URL `${appUrl}/callback` and webhook URL `${appUrl}/webhooks`.
 */
export function defaultApps(appUrl: string = DEFAULT_APP_URL): EmulatorApps {
  const base = appUrl.replace(/\/+$/, "");
  const { oauthApp, githubApp } = DEFAULT_CREDENTIALS;
  return {
    oauthApps: [{ kind: "oauth_app", name: "Example OAuth App", ...oauthApp, callbackUrl: `${base}/callback` }],
    githubApp: {
      kind: "github_app",
      ...githubApp,
      name: "Example GitHub App",
      webhookUrl: `${base}/webhooks`,
      callbackUrls: [`${base}/callback`],
      setupUrl: `${base}/callback`,
      requestOAuthOnInstall: true,
      expireUserTokens: true,
      permissions: { metadata: "read", contents: "read", issues: "read", pull_requests: "read" },
      events: ["issues", "pull_request"],
    },
  };
}

/** Callback of the emulator's own demo client: a page on the emulator that shows the code and state. */
export function emulatorClient(emulatorUrl: string): OAuthApp {
  return {
    kind: "oauth_app",
    name: "GitHub Emulator demo",
    clientId: DEFAULT_CREDENTIALS.demoClient.clientId,
    clientSecret: DEFAULT_CREDENTIALS.demoClient.clientSecret,
    callbackUrl: `${emulatorUrl}/demo/callback`,
  };
}
