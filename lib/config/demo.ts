// Credentials of the apps registered in the local GitHub emulator (packages/github-emulator), used when
// Hublink runs in demo mode. They are public demo values, not secrets, and work nowhere but the
// emulator on this machine. tests/config/demo-credentials.test.ts keeps them equal to the emulator's.

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
  appId: "1001",
  slug: "hublink-demo",
  clientId: "Iv23liHublinkDemoApp1",
  clientSecret: "hublink-demo-app-secret",
  webhookSecret: "hublink-demo-webhook-secret",
} as const;
