// Where the e2e servers listen and how the app under test is configured. Shared by
// playwright.config.ts and the specs, so both agree on ports and credentials.
import { DEMO_CONNECT_APP, DEMO_GITHUB_APP, DEMO_SIGN_IN_APP } from "../lib/config/demo";

// E2E_PORT_OFFSET lets two checkouts on one machine run the suite at once without colliding.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

// E2E_CLUSTER=1 (playwright.cluster.config.ts): the same journeys through nginx (port 3200+N) in
// front of two production instances (3201+N, 3202+N) sharing a PostgreSQL schema, emulator on 4200+N.
export const E2E_CLUSTER = process.env.E2E_CLUSTER === "1";
export const E2E_APP_PORT = (E2E_CLUSTER ? 3200 : 3100) + offset;
export const E2E_EMULATOR_PORT = (E2E_CLUSTER ? 4200 : 4110) + offset;
export const E2E_INSTANCE_PORTS = [E2E_APP_PORT + 1, E2E_APP_PORT + 2] as const;
const postgresUrl = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const E2E_CLUSTER_SCHEMA = `hublink_e2e_cluster_${E2E_APP_PORT}`;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;

export const E2E_SERVER_LOG = `data/e2e-server-${E2E_APP_PORT}.log`;

// Test-only values; never used outside this machine's loopback.
const testKey = Buffer.alloc(32, 7).toString("base64");

/** A production configuration pointing at the emulator: the app runs exactly as it would in production. */
export const e2eAppEnv: Record<string, string> = {
  NODE_ENV: "production",
  APP_URL: E2E_APP_URL,
  DATABASE_URL: E2E_CLUSTER ? `${postgresUrl}?schema=${E2E_CLUSTER_SCHEMA}` : `file:./data/e2e-${E2E_APP_PORT}.db`,
  AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
  SESSION_SECRET: "e2e-session-secret-0123456789abcdef01234567",
  TOKEN_ENCRYPTION_KEY: testKey,
  GITHUB_URL: E2E_EMULATOR_URL,
  AUTH_GITHUB_ID: DEMO_SIGN_IN_APP.clientId,
  AUTH_GITHUB_SECRET: DEMO_SIGN_IN_APP.clientSecret,
  GITHUB_CONNECT_CLIENT_ID: DEMO_CONNECT_APP.clientId,
  GITHUB_CONNECT_CLIENT_SECRET: DEMO_CONNECT_APP.clientSecret,
  GITHUB_APP_SLUG: DEMO_GITHUB_APP.slug,
  GITHUB_APP_CLIENT_ID: DEMO_GITHUB_APP.clientId,
  GITHUB_APP_CLIENT_SECRET: DEMO_GITHUB_APP.clientSecret,
  GITHUB_WEBHOOK_SECRET: DEMO_GITHUB_APP.webhookSecret,
};
