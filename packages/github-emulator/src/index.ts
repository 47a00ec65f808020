import type { AddressInfo } from "node:net";
import { demoApps, type EmulatorApps } from "./apps";
import { createEmulatorServer } from "./server";
import { EmulatorState } from "./state";
import { DEFAULT_RETRY_DELAYS_MS, WebhookSender, settleDeliveries } from "./webhooks";

export { DEMO, DEMO_APP_PRIVATE_KEY, DEMO_APP_PRIVATE_KEY_PATH, demoApps, type EmulatorApps } from "./apps";
export { SEEDED_INSTALLATION_ID, type EmulatorState, type EmulatorStats } from "./state";
export { signWebhookBody } from "./webhooks";

export interface EmulatorOptions {
  /** 0 (the default for tests) picks a free port. */
  port?: number;
  host?: string;
  /** Base URL of the app under test: callback, setup and webhook URLs of the demo apps hang below it. */
  appUrl?: string;
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
  state: EmulatorState;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const apps: EmulatorApps = { ...demoApps(options.appUrl ?? "http://localhost:3000"), ...options.apps };
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
    state,
    async stop() {
      await settleDeliveries();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
