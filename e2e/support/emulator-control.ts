// The e2e suite's handle on the GitHub emulator's test controls (/_emulator/*).
import { E2E_EMULATOR_URL } from "../config";

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E_EMULATOR_URL}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export type EmulatorStats = {
  calls: Record<string, number>;
  codeExchanges: number;
  refreshes: number;
  notModified: number;
  rateLimitCharged: number;
  webhooks: { ok: number; failed: number; deliveries: { event: string; action?: string; status: number }[] };
};

export const emulatorControl = {
  reset: () => call("POST", "/reset"),
  stats: () => call<EmulatorStats>("GET", "/stats"),
  tokens: () =>
    call<{ accessTokens: { value: string; login: string; client_id: string }[]; refreshTokens: { value: string }[] }>(
      "GET",
      "/tokens",
    ),
  revoke: (login: string, clientId?: string) => call("POST", "/revoke", { login, client_id: clientId }),
  expire: (login?: string) => call("POST", "/expire", { login }),
  addFault: (fault: {
    method?: string;
    path: string;
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
    delayMs?: number;
    times?: number;
  }) =>
    call("POST", "/faults", fault),
  clearFaults: () => call("DELETE", "/faults"),
  latency: (ms: number) => call("POST", "/latency", { ms }),
  installations: () => call<{ installations: { id: number; account: string }[] }>("GET", "/installations"),
  installationRequests: () => call<{ requests: { id: number; account: string; requester: string }[] }>("GET", "/installations/requests"),
  approveInstallationRequest: (id: number) => call<{ installation_id: number }>("POST", `/installations/requests/${id}/approve`),
  uninstall: (id: number) => call("DELETE", `/installations/${id}`),
};
