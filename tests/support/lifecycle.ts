// A connection's life against a real GitHub emulator and a throwaway database: the world the
// lifecycle tests (refresh, revocation, webhooks) run in. lib/config/env.ts reads process.env once, so the
// environment is set before any lib module is imported — tests import lib code dynamically after
// startLifecycleWorld().
import { vi } from "vitest";
import { e2eAppEnv } from "@/e2e/config";
import { startEmulator, type RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl, type EmulatorControl } from "@hublink/github-emulator/testing";
import { DEMO_CONNECT_APP, demoEmulatorApps } from "@/lib/config/demo";
import type { Database } from "@/lib/db/create-client";
import { createTestDatabase, type TestDatabase } from "./database";

export type LifecycleWorld = {
  emulator: RunningEmulator;
  database: TestDatabase;
  /** A client of its own on the app's database, for setup and assertions. */
  inspect: Database;
  env: Record<string, string>;
  control: EmulatorControl;
  stop(): Promise<void>;
};

export const providers = ["sqlite", ...(process.env.TEST_POSTGRES_URL ? ["postgresql" as const] : [])] as const;

/** `appUrl`: where the emulator delivers webhooks; by default nowhere (a closed port), without retries. */
export async function startLifecycleWorld(
  provider: "sqlite" | "postgresql",
  appUrl = "http://127.0.0.1:9",
  overrides: Record<string, string> = {},
): Promise<LifecycleWorld> {
  const emulator = await startEmulator({ port: 0, apps: demoEmulatorApps(appUrl), webhookRetryDelaysMs: [] });
  const database = await createTestDatabase(provider);
  // e2eAppEnv without NODE_ENV=production: vitest's own NODE_ENV stays.
  const appEnv = Object.fromEntries(Object.entries(e2eAppEnv).filter(([name]) => name !== "NODE_ENV"));
  // GITHUB_CACHE_MAX_AGE=0: these tests follow tokens through every request, so each call must reach
  // GitHub; freshness has its own tests (tests/github/response-cache.test.ts, tests/lifecycle/reading.test.ts).
  const env = {
    ...appEnv,
    APP_URL: appUrl,
    GITHUB_URL: emulator.url,
    DATABASE_URL: database.url,
    GITHUB_CACHE_MAX_AGE: "0",
    ...overrides,
  };
  Object.assign(process.env, env);
  // A fresh module graph (configuration, database singleton) for this world's database: tests import
  // lib code dynamically after this, so it reads the environment just set.
  delete (globalThis as { hublinkDb?: unknown }).hublinkDb;
  vi.resetModules();
  const control = emulatorControl(emulator.url);
  const inspect = database.connect();
  return {
    emulator,
    database,
    inspect,
    env,
    control,
    async stop() {
      await emulator.stop();
      await database.drop();
    },
  };
}

/**
 * A Hublink user connected to GitHub (through the GitHub App unless `kind` says otherwise), as the
 * connect flow leaves them: GitHub (the emulator) issued a token pair, saveGrant stored it encrypted.
 */
export async function connectedUser(
  world: LifecycleWorld,
  login: string,
  { kind = "github_app" }: { kind?: "github_app" | "oauth_app" } = {},
) {
  const user = await world.inspect.user.create({
    data: { login, name: login, email: `${login}-${Math.random()}@example.com` },
  });
  await grantConnection(world, user.id, login, { kind });
  return user;
}

/** GitHub issues `login` a new grant and saveGrant stores it for `userId`: a first connection, or a reconnect. */
export async function grantConnection(
  world: LifecycleWorld,
  userId: string,
  login: string,
  { kind = "github_app" }: { kind?: "github_app" | "oauth_app" } = {},
) {
  const { saveGrant } = await import("@/lib/github/connection/store");
  const issued = await world.control.issueToken(login, {
    clientId: clientIdOf(world, kind),
    scopes: kind === "github_app" ? [] : ["repo", "read:org"],
  });
  const account = world.emulator.state.account(login)!;
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  await saveGrant(
    userId,
    { id: account.id, login },
    {
      accessToken: issued.access_token,
      accessTokenExpiresAt: at(issued.expires_at),
      refreshToken: issued.refresh_token,
      refreshTokenExpiresAt: at(issued.refresh_token_expires_at),
      scopes: issued.scopes,
    },
    kind,
  );
}

/** The client id GitHub knows Hublink's connections of this kind by. */
export function clientIdOf(world: LifecycleWorld, kind: "github_app" | "oauth_app"): string {
  return kind === "github_app" ? world.emulator.apps.githubApp.clientId : DEMO_CONNECT_APP.clientId;
}

/** The access token has expired, at GitHub and in what Hublink stored. */
export async function expireAccessToken(world: LifecycleWorld, userId: string, login: string) {
  await world.control.expire(login);
  await world.inspect.gitHubConnection.update({
    where: { userId },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
}

export async function refreshCount(world: LifecycleWorld): Promise<number> {
  return (await world.control.stats()).refreshes;
}
