import { emulatorClient, type EmulatorApps } from "./apps";
import type {
  Account,
  AccessToken,
  AuthorizationCode,
  GitHubApp,
  Installation,
  InstallationRequest,
  Issue,
  Org,
  RefreshToken,
  RegisteredApp,
  Repo,
} from "./model";
import { createWorld, generateBigIssues, isoDaysAfterBase, type World } from "./seed";

export interface Fault {
  method?: string;
  path: RegExp;
  status?: number;
  body?: unknown;
  delayMs?: number;
  /** Extra response headers, e.g. to fake a rate limit: {"x-ratelimit-remaining": "0", "retry-after": "30"}. */
  headers?: Record<string, string>;
  /** Remaining number of requests this fault applies to; undefined = until cleared. */
  times?: number;
}

export interface WebhookDeliveryRecord {
  id: string;
  event: string;
  action: string | null;
  status: number | null;
  attempts: number;
}

export interface EmulatorStats {
  calls: Record<string, number>;
  codeExchanges: number;
  refreshes: number;
  notModified: number;
  rateLimitCharged: number;
  webhooks: { ok: number; failed: number; deliveries: WebhookDeliveryRecord[] };
}

export interface RateLimitWindow {
  used: number;
  resetAt: number;
}

/** Id of the demo app's seeded installation on octocat's account. */
export const SEEDED_INSTALLATION_ID = 4200001;

function emptyStats(): EmulatorStats {
  return {
    calls: {},
    codeExchanges: 0,
    refreshes: 0,
    notModified: 0,
    rateLimitCharged: 0,
    webhooks: { ok: 0, failed: 0, deliveries: [] },
  };
}

/** Everything the emulator remembers; reset() returns it to the seed. */
export class EmulatorState {
  /** Emulator's own origin, known once the server listens. */
  baseUrl = "";
  world: World = createWorld();
  tokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  codes = new Map<string, AuthorizationCode>();
  /** Scopes granted per `${clientId} ${login}`; present = the user authorized the app. */
  grants = new Map<string, Set<string>>();
  installations: Installation[] = [];
  installationRequests: InstallationRequest[] = [];
  sessions = new Map<string, string>();
  faults: Fault[] = [];
  latencyMs = 0;
  stats: EmulatorStats = emptyStats();
  rateLimits = new Map<string, RateLimitWindow>();
  private idCounter = 0;

  constructor(
    readonly apps: EmulatorApps,
    private readonly clock: () => number = Date.now,
  ) {
    this.reset();
  }

  now(): number {
    return this.clock();
  }

  nextId(): number {
    return ++this.idCounter;
  }

  reset(): void {
    this.world = createWorld();
    this.tokens.clear();
    this.refreshTokens.clear();
    this.codes.clear();
    this.grants.clear();
    this.sessions.clear();
    this.faults = [];
    this.latencyMs = 0;
    this.stats = emptyStats();
    this.rateLimits.clear();
    this.idCounter = 5_000_000;
    this.installationRequests = [];
    this.installations = [
      {
        id: SEEDED_INSTALLATION_ID,
        appId: this.apps.githubApp.id,
        account: "octocat",
        repositorySelection: "all",
        repositoryIds: [],
        createdAt: isoDaysAfterBase(10),
        updatedAt: isoDaysAfterBase(10),
        suspendedAt: null,
        suspendedBy: null,
      },
    ];
  }

  registeredApps(): RegisteredApp[] {
    return [...this.apps.oauthApps, this.apps.githubApp, emulatorClient(this.baseUrl)];
  }

  appByClientId(clientId: string | null | undefined): RegisteredApp | undefined {
    return this.registeredApps().find((a) => a.clientId === clientId);
  }

  githubAppBySlug(slug: string): GitHubApp | undefined {
    return this.apps.githubApp.slug === slug ? this.apps.githubApp : undefined;
  }

  account(login: string | null | undefined): Account | Org | undefined {
    if (!login) return undefined;
    for (const a of this.world.accounts.values()) if (a.login.toLowerCase() === login.toLowerCase()) return a;
    return undefined;
  }

  users(): Account[] {
    return [...this.world.accounts.values()].filter((a) => a.type === "User");
  }

  /** Organizations the user belongs to. */
  orgsOf(login: string): Org[] {
    return [...this.world.accounts.values()].filter(
      (a): a is Org => a.type === "Organization" && (a as Org).members.includes(login),
    );
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.world.reposByFullName.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): Repo | undefined {
    return this.world.repos.find((r) => r.id === id);
  }

  issuesOf(repo: Repo): Issue[] {
    let list = this.world.issues.get(repo.id);
    if (!list) {
      list = repo.lazyIssueCount ? generateBigIssues(repo, repo.lazyIssueCount, this.world.nextId) : [];
      this.world.issues.set(repo.id, list);
    }
    return list;
  }

  countCall(key: string): void {
    this.stats.calls[key] = (this.stats.calls[key] ?? 0) + 1;
  }
}
