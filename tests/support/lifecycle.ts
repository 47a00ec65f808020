// A connection's life against a real GitHub emulator and a throwaway database: the world the
// lifecycle tests (refresh, revocation, webhooks) run in. lib/env reads process.env once, so the
// environment is set before any lib module is imported — tests import lib code dynamically after
// startLifecycleWorld().
import { e2eAppEnv } from "@/e2e/config";
import { startEmulator, type RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl, type EmulatorControl } from "@hublink/github-emulator/testing";
import { demoEmulatorApps } from "@/lib/config/demo";
import type { Database } from "@/lib/database/client";
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
export async function startLifecycleWorld(provider: "sqlite" | "postgresql", appUrl = "http://127.0.0.1:9"): Promise<LifecycleWorld> {
  const emulator = await startEmulator({ port: 0, apps: demoEmulatorApps(appUrl), webhookRetryDelaysMs: [] });
  const database = await createTestDatabase(provider);
  // e2eAppEnv without NODE_ENV=production: vitest's own NODE_ENV stays.
  const appEnv = Object.fromEntries(Object.entries(e2eAppEnv).filter(([name]) => name !== "NODE_ENV"));
  const env = { ...appEnv, APP_URL: appUrl, GITHUB_URL: emulator.url, DATABASE_URL: database.url };
  Object.assign(process.env, env);
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
 * A Hublink user connected to GitHub through the GitHub App, as the connect flow leaves them:
 * GitHub (the emulator) issued a token pair, saveConnection stored it encrypted.
 */
export async function connectedUser(world: LifecycleWorld, login: string) {
  const { saveConnection } = await import("@/lib/github/connection");
  const issued = await world.control.issueToken(login, { clientId: world.emulator.apps.githubApp.clientId });
  const account = world.emulator.state.account(login)!;
  const user = await world.inspect.user.create({ data: { login, name: login, email: `${login}-${Math.random()}@example.com` } });
  await saveConnection(
    user.id,
    { id: account.id, login, name: login, avatarUrl: "" },
    {
      accessToken: issued.access_token,
      accessTokenExpiresAt: new Date(issued.expires_at!),
      refreshToken: issued.refresh_token!,
      refreshTokenExpiresAt: new Date(issued.refresh_token_expires_at!),
      scopes: [],
    },
    "github_app",
  );
  return user;
}

/** The access token has expired, at GitHub and in what Hublink stored. */
export async function expireAccessToken(world: LifecycleWorld, userId: string, login: string) {
  await world.control.expire(login);
  await world.inspect.gitHubConnection.update({ where: { userId }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
}

export async function refreshCount(world: LifecycleWorld): Promise<number> {
  return (await world.control.stats()).refreshes;
}
