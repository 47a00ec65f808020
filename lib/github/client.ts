import "server-only";
import { createHash } from "node:crypto";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { cache } from "react";
import { db, readRows } from "../db/client";
import { getEnv } from "../config/env";
import { asGitHubFailure, responseHeadersOf } from "./api/failures";
import { noteRateLimit } from "./api/rate-limit";
import { perPersonConcurrency, retryOnRequest, retryServerErrorOnce } from "./api/request-scheduling";
import { addResponseCache } from "./api/response-cache";
import { databaseResponseCache } from "./api/response-store";
import { connectionAuthStrategy } from "./tokens/valid-token";
import { logger } from "../ops/logger";
import { metrics } from "../ops/metrics";

// The one Octokit factory: GitHub's REST API as a signed-in person.
const HublinkOctokit = Octokit.plugin(throttling);

export type GitHubClient = InstanceType<typeof HublinkOctokit>;

/**
 * A page is waiting: past this, a panel says GitHub is slow instead of hanging. It runs from the
 * moment the request first goes to GitHub and covers its retries, but not time spent waiting for
 * the per-person throttle; identical requests never wait at all (they share one call).
 */
const REQUEST_TIMEOUT_MS = 10_000;

/** A deadline armed by the first network attempt rather than by the request's creation. */
function deadlineAtFirstAttempt(ms: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  return {
    signal: controller.signal,
    get expired() {
      return controller.signal.aborted;
    },
    start() {
      timer ??= setTimeout(
        () => controller.abort(new DOMException("GitHub did not answer in time", "TimeoutError")),
        ms,
      );
    },
    clear() {
      clearTimeout(timer);
    },
  };
}

type ThrottleOptions = NonNullable<ConstructorParameters<typeof HublinkOctokit>[0]>["throttle"];

// plugin-throttling spaces every search 2 s apart, process-wide, which would make a dashboard's
// three search panels arrive one after another. GitHub's search limit (30 a minute) is enforced by
// GitHub and reported in its headers, which asGitHubFailure turns into a "resets at" message, so
// searches pass this gate at once. Only `key().schedule()` is used by the plugin.
const searchGate = {
  key: () => ({ schedule: <T>(_options: unknown, task: () => Promise<T>) => task() }),
} as unknown as NonNullable<ThrottleOptions>["search"];

// At most ten requests of one person in flight across all their tabs (the plugin's own limit), and
// the plugin's rate-limit retries, scheduled without Bottleneck's timer hops: see
// ./api/request-scheduling.ts. The plugin takes them from its options, like `search`.
// Process-wide, on globalThis like the cache's coalescing, so a bundler's second copy of this
// module still shares one limit per person.
const readsKey = Symbol.for("hublink.github.readsPerPerson");
const processWide = globalThis as unknown as Record<symbol, ReturnType<typeof perPersonConcurrency> | undefined>;
const READS_PER_PERSON = (processWide[readsKey] ??= perPersonConcurrency(10));

function scheduling(): object {
  const retryLimiter = retryOnRequest();
  retryLimiter.on("failed", retryServerErrorOnce);
  return { global: READS_PER_PERSON, retryLimiter };
}

// Octokit logs every non-2xx answer as an error; a 304 is the cache working, not a failure.
const log = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => logger().warn(message),
  error: (message: string) => {
    if (!/ - 304 with id /.test(message)) logger().error(message);
  },
};

/**
 * Counts GitHub's answers inside the response cache, so a 304 is seen (cache=revalidated) before it
 * becomes the stored body. Outside the retries: a retried 5xx counts once, with its final answer.
 */
function countGitHubRequests(octokit: GitHubClient): void {
  octokit.hook.wrap("request", async (request, options) => {
    try {
      const response = await request(options);
      metrics().githubRequests.inc({ status: String(response.status), cache: "no" });
      return response;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      metrics().githubRequests.inc({
        status: typeof status === "number" ? String(status) : "network_error",
        cache: status === 304 ? "revalidated" : "no",
      });
      throw error;
    }
  });
}

/**
 * Whose limit a request counts against. A token not stored yet belongs to one person (being set up
 * now), so it is a person of its own: one shared id would make every setup on this instance wait
 * behind one slow one. A hash stands for it, never the token: throttle ids are map keys and may be
 * logged. Its place in the limit goes when its last request finishes (perPersonConcurrency).
 */
function throttleIdOf(auth: { userId: string } | { accessToken: string }): string {
  if ("userId" in auth) return auth.userId;
  return `unsaved-token:${createHash("sha256").update(auth.accessToken).digest("base64url")}`;
}

function createClient(auth: { userId: string } | { accessToken: string }): GitHubClient {
  // Concurrency is bounded per person, not shared by everyone on this instance.
  const throttleId = throttleIdOf(auth);
  const octokit = new HublinkOctokit({
    ...("userId" in auth
      ? { authStrategy: connectionAuthStrategy, auth: { userId: auth.userId } }
      : { auth: auth.accessToken }),
    baseUrl: getEnv().github.apiUrl,
    userAgent: "Hublink",
    log,
    throttle: {
      id: throttleId,
      search: searchGate,
      ...scheduling(),
      // Retry a rate limit once if GitHub says it is short, otherwise give up and say when.
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= 5,
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= 5,
    },
  });
  countGitHubRequests(octokit); // registered first: the innermost layer, nearest GitHub
  // Inner: one deadline for the request and its retries, and typed failures for the panels.
  octokit.hook.wrap("request", async (request, options) => {
    const deadline = deadlineAtFirstAttempt(REQUEST_TIMEOUT_MS);
    const send: typeof fetch = options.request?.fetch ?? fetch;
    options.request = {
      ...options.request,
      signal: deadline.signal,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        deadline.start();
        return send(input, init);
      },
    };
    try {
      const response = await request(options);
      if ("userId" in auth) noteRateLimit(auth.userId, response.headers);
      return response;
    } catch (error) {
      const headers = responseHeadersOf(error);
      if (headers && "userId" in auth) noteRateLimit(auth.userId, headers);
      throw asGitHubFailure(error, deadline.expired);
    } finally {
      deadline.clear();
    }
  });
  // Outermost, so a fresh or coalesced answer never enters the throttle's queue or the deadline.
  if ("userId" in auth) {
    addResponseCache(octokit, databaseResponseCache(auth.userId, { read: readRows, write: db }), {
      owner: auth.userId,
      maxAgeSeconds: getEnv().github.cacheMaxAgeSeconds,
    });
  }
  return octokit;
}

// One client per person per server render: a dashboard's five panels share it instead of building
// five Octokit instances (and five throttling limiters). Outside a render (route handlers, tests)
// React's cache() does not memoise, and each call builds its own client as before.
const clientForRender = cache((userId: string) => createClient({ userId }));

/** GitHub as a signed-in person, through their stored connection (refreshed, revocation-aware, cached). */
export function githubFor(userId: string): GitHubClient {
  return clientForRender(userId);
}

/**
 * GitHub with a token in hand that is not stored yet — one GitHub just issued during an App
 * installation, to be checked before anything is saved. Same limits and failures; no cache.
 */
export function githubWithToken(accessToken: string): GitHubClient {
  return createClient({ accessToken });
}
