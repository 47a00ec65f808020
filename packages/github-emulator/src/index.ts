import type { AddressInfo } from "node:net";
import { DEFAULT_APP_URL, defaultApps, type EmulatorApps } from "./apps";
import { createEmulatorServer } from "./server";
import { EmulatorState } from "./state";
import { DEFAULT_RETRY_DELAYS_MS, WebhookSender } from "./webhooks";

// The package's public entry: start an emulator in-process, plus the types and constants around it.

export { DEFAULT_APP_URL, DEFAULT_CREDENTIALS, defaultApps, type EmulatorApps } from "./apps";
export { parseApps, readAppsFile } from "./apps-file";
export type { GitHubApp, OAuthApp, Permissions, RegisteredApp } from "./model";
export { SEEDED_INSTALLATION_ID, type EmulatorState, type EmulatorStats, type WebhookDeliveryRecord } from "./state";
export { signWebhookBody } from "./webhooks";

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Base URL of the app under test: the default apps' callback, setup and webhook URLs hang below it. */
  appUrl?: string;
  /** Apps to register; a part left out (`oauthApps` or `githubApp`) is the default one for `appUrl`. */
  apps?: Partial<EmulatorApps>;
  /** Injectable clock (epoch ms) for code and token expiry tests. */
  now?: () => number;
  /** Delays between webhook delivery attempts; default 200 ms then 1 s (3 attempts). */
  webhookRetryDelaysMs?: number[];
}

export interface RunningEmulator {
  /** Web origin, e.g. http://127.0.0.1:4010 */
  url: string;
  /** REST base, `${url}/api/v3` */
  apiUrl: string;
  /** The registered apps (without the emulator's own demo client). */
  apps: EmulatorApps;
  /** The live state: read it in tests; change it through the `/_emulator` control API. */
  state: EmulatorState;
  /** Resolves when every webhook delivery this emulator started so far has finished, retries included. */
  settleWebhooks(): Promise<void>;
  /** Waits for this emulator's pending webhook deliveries, then closes the server. */
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const apps: EmulatorApps = { ...defaultApps(options.appUrl ?? DEFAULT_APP_URL), ...options.apps };
  const state = new EmulatorState(apps, options.now);
  const hooks = new WebhookSender(state, options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  const server = createEmulatorServer(state, hooks);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;
  return {
    url,
    apiUrl: `${url}/api/v3`,
    apps,
    state,
    settleWebhooks: () => hooks.settle(),
    async stop() {
      await hooks.settle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * For a command-line entry point: on SIGINT or SIGTERM, stop the emulator and exit 0. Pending webhook
 * retries get 3 s, so they do not hold the terminal hostage.
 */
export function stopOnSignals(emulator: RunningEmulator): void {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 3000).unref();
    await emulator.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

/** One line naming the emulator's URL and every registered app's credentials (example values, not secrets). */
export function describeEmulator(emulator: RunningEmulator): string {
  const oauth = emulator.apps.oauthApps.map(
    (a) => `OAuth app "${a.name}" ${a.clientId}/${a.clientSecret} → ${a.callbackUrl}`,
  );
  const g = emulator.apps.githubApp;
  const app = `GitHub App ${g.slug} (id ${g.id}) ${g.clientId}/${g.clientSecret}, webhook ${g.webhookUrl ?? "none"} secret ${g.webhookSecret}`;
  return `GitHub emulator ready at ${emulator.url} (REST ${emulator.apiUrl}) — ${[...oauth, app].join("; ")}`;
}
