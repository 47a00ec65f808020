import type { EmulatorStats } from "../state";

// The typed client for the emulator's test control API (/_emulator/*). Every method throws
// EmulatorControlError on a non-2xx answer.

export interface FaultSpec {
  /** Only this HTTP method (default: any). */
  method?: string;
  /** Regular expression tested against the full path (`/api/v3/user`) and the path below `/api/v3` (`/user`). */
  path: string;
  /** Answer with this status; without it the fault only delays. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  /** How many requests it applies to (default: until cleared). */
  times?: number;
}

export interface IssuedTokens {
  access_token: string;
  /** ISO time, or null for a non-expiring OAuth-app token. */
  expires_at: string | null;
  refresh_token: string | null;
  refresh_token_expires_at: string | null;
  scopes: string[];
  client_id: string;
  login: string;
}

export interface ListedToken {
  value: string;
  login: string;
  client_id: string;
}

export interface ListedInstallation {
  id: number;
  account: string;
  repository_selection: "all" | "selected";
  repository_ids: number[];
  suspended_at: string | null;
}

export interface ListedInstallationRequest {
  id: number;
  account: string;
  requester: string;
  repository_selection: "all" | "selected";
  repository_ids: number[];
  created_at: string;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`emulator ${method} /_emulator${path}: HTTP ${status} ${body}`);
    this.name = "EmulatorControlError";
  }
}

/** A client for the control API of the emulator at `baseUrl` (its web origin, e.g. `emu.url`). */
export function emulatorControl(baseUrl: string) {
  const origin = baseUrl.replace(/\/+$/, "");
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${origin}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new EmulatorControlError(method, path, response.status, await response.text());
    return (await response.json()) as T;
  }
  type Ok = { ok: true };
  return {
    health: () => call<Ok>("GET", "/health"),
    /** Back to the seed: tokens, grants, sessions, faults, latency, stats and installation requests cleared. */
    reset: () => call<Ok>("POST", "/reset"),
    stats: () => call<EmulatorStats>("GET", "/stats"),
    /** Every token value issued since the last reset, live or not (for leak checks). */
    tokens: () => call<{ accessTokens: ListedToken[]; refreshTokens: ListedToken[] }>("GET", "/tokens"),
    /** A token (pair) for `login` as if they had authorized the app; default app: the GitHub App. */
    issueToken: (login: string, options: { clientId?: string; scopes?: string[] } = {}) =>
      call<IssuedTokens>("POST", "/tokens", { login, client_id: options.clientId, scopes: options.scopes }),
    /** The user revokes the app(s) on GitHub; `webhook: false` skips github_app_authorization.revoked. */
    revoke: (login: string, options: { clientId?: string; webhook?: boolean } = {}) =>
      call<{ revoked: string[] }>("POST", "/revoke", { login, client_id: options.clientId, webhook: options.webhook }),
    /** Live access tokens (of `login`, of `clientId`, or all) expire now; refresh tokens stay valid. */
    expire: (login?: string, clientId?: string) =>
      call<{ expired: number }>("POST", "/expire", { login, client_id: clientId }),
    addFault: (fault: FaultSpec) => call<{ faults: number }>("POST", "/faults", fault),
    clearFaults: () => call<{ faults: 0 }>("DELETE", "/faults"),
    /** A fixed delay before every REST call. */
    latency: (ms: number) => call<{ ms: number }>("POST", "/latency", { ms }),
    /** Edits an issue or pull request (closing one with a state_reason) and sends its `issues` / `pull_request` webhook (installed repositories only). */
    updateIssue: (
      fullName: string,
      number: number,
      change: {
        title?: string;
        body?: string;
        state?: "open" | "closed";
        /** Why it is closed, as GitHub's own PATCH takes it; "completed" when left out. */
        state_reason?: "completed" | "not_planned" | "duplicate";
        sender?: string;
      },
    ) =>
      call<{ number: number; state: string; title: string; action: string }>(
        "PATCH",
        `/repos/${fullName}/issues/${number}`,
        change,
      ),
    installations: () => call<{ installations: ListedInstallation[] }>("GET", "/installations"),
    installationRequests: () => call<{ requests: ListedInstallationRequest[] }>("GET", "/installations/requests"),
    approveInstallationRequest: (id: number, approver?: string) =>
      call<{ installation_id: number; account: string }>("POST", `/installations/requests/${id}/approve`, { approver }),
    suspend: (id: number, sender?: string) => call<Ok>("POST", `/installations/${id}/suspend`, { sender }),
    unsuspend: (id: number, sender?: string) => call<Ok>("POST", `/installations/${id}/unsuspend`, { sender }),
    uninstall: (id: number, sender?: string) => call<Ok>("DELETE", `/installations/${id}`, { sender }),
  };
}

export type EmulatorControl = ReturnType<typeof emulatorControl>;
