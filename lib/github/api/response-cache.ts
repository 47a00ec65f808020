import "server-only";
import type { Octokit } from "@octokit/rest";
import { GitHubUnavailableError } from "./errors";
import { noteStale, type StaleNote } from "./staleness";

// Reading GitHub through a shared cache, the way GitHub asks clients to:
// - fresh: within the answer's Cache-Control max-age (capped by GITHUB_CACHE_MAX_AGE) the stored
//   answer is used without asking GitHub at all;
// - conditional: after it, the stored ETag goes along (If-None-Match); a 304 costs no rate limit
//   and returns the stored body;
// - coalesced: identical GETs of one person in flight at the same time are made once, process-wide,
//   so 50 tabs asking for /user make one call (and wait for one answer, not queue behind 49);
// - stale-if-error: when GitHub cannot answer (5xx, timeout, rate limit) and a copy is stored, the
//   copy is returned and the request is noted as stale (./staleness.ts) for the panel to say so.
// The store is the database (./response-store.ts), so every app instance shares it.

export type CachedResponse = {
  etag: string;
  data: unknown;
  link: string | null;
  /** When GitHub last sent (200) or confirmed (304) this answer. */
  updatedAt: Date;
  /** Until when it may be used without asking; null = ask first. */
  freshUntil: Date | null;
};

export type StoredAnswer = {
  etag: string;
  data: unknown;
  link: string | null;
  /** When it was asked for (becomes the row's updatedAt: GitHub's state at that moment or later). */
  at: Date;
  freshUntil: Date | null;
};

export interface ResponseCache {
  get(url: string): Promise<CachedResponse | null>;
  put(url: string, entry: StoredAnswer): Promise<void>;
  /** GitHub answered 304: the stored answer is current again. */
  confirm(url: string, at: Date, freshUntil: Date | null): Promise<void>;
}

/** How long GitHub lets a client reuse this answer, in seconds (0 when it did not say or forbids it). */
export function maxAgeOf(cacheControl: string | number | undefined): number {
  const value = String(cacheControl ?? "").toLowerCase();
  if (/\b(no-store|no-cache)\b/.test(value)) return 0;
  const match = /\bmax-age=(\d+)/.exec(value);
  return match ? Number(match[1]) : 0;
}

export type CacheOptions = {
  /** Whose answers these are: coalescing and the store are per person. */
  owner: string;
  /** GITHUB_CACHE_MAX_AGE: the longest an answer is used without asking, whatever GitHub allows. */
  maxAgeSeconds: number;
  now?: () => number;
};

type Headers = Record<string, string | number | undefined>;
type Answer = { status: number; url: string; headers: Headers; data: unknown };
type Outcome = { response: Answer; stale: StaleNote | null };

// Process-wide (every Octokit instance of every request of this process), kept on globalThis so a
// bundler's second copy of this module still shares it.
const inFlightKey = Symbol.for("hublink.github.inFlightReads");
const globals = globalThis as unknown as Record<symbol, Map<string, Promise<Outcome>> | undefined>;
const inFlight = (globals[inFlightKey] ??= new Map<string, Promise<Outcome>>());

/** Identical GETs of any person now waiting on GitHub (for tests). */
export function readsInFlight(): number {
  return inFlight.size;
}

/** Octokit's default Accept: the one media type the store keeps. */
const STORED_MEDIA_TYPE = "application/vnd.github.v3+json";

// A look at the stored answer, whatever its age, that never asks GitHub: `stored()` below.
const STORED_ONLY = "hublinkStoredOnly";
const STORED_FRESHNESS = "x-hublink-stored";
class NotStoredError extends Error {}

/** A GET made with the given request options, e.g. `(request) => github.rest.users.getAuthenticated({ request })`. */
export type StoredRead<T> = (request: { [STORED_ONLY]: true }) => Promise<{ data: T; headers: Headers }>;

/**
 * What the store holds for a GET of a person's client (one made by githubFor), and whether it is
 * still fresh; null when nothing is stored. GitHub is not asked:
 * `stored((request) => github.rest.pulls.get({ owner, repo, pull_number, request }))`.
 */
export async function stored<T>(read: StoredRead<T>): Promise<{ data: T; fresh: boolean } | null> {
  try {
    const { data, headers } = await read({ [STORED_ONLY]: true });
    return { data, fresh: headers[STORED_FRESHNESS] === "fresh" };
  } catch (error) {
    if (error instanceof NotStoredError) return null;
    throw error;
  }
}

// GitHub's answers are full of hypermedia: API URLs of related resources (`comments_url`,
// `statuses_url`, forty of them per repository …), two thirds of a dashboard's answers by size
// (measured: 138 of one person's 205 KB). Hublink builds its requests with Octokit and never
// follows them, so they are dropped from every answer before it is stored or used, and each view
// reads, parses and keeps a third. Web links (html_url) and avatars are not API URLs and stay;
// `repository_url` stays because a search result names its repository only that way.
const KEPT_API_LINKS = new Set(["repository_url"]);

function withoutApiLinks(data: unknown, apiUrl: string): unknown {
  if (Array.isArray(data)) return data.map((item) => withoutApiLinks(item, apiUrl));
  if (data === null || typeof data !== "object") return data;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const apiLink =
      typeof value === "string" && (key === "url" || key.endsWith("_url")) && value.startsWith(`${apiUrl}/`);
    if (!apiLink || KEPT_API_LINKS.has(key)) kept[key] = withoutApiLinks(value, apiUrl);
  }
  return kept;
}

const ownTopLevel = (data: unknown) =>
  data !== null && typeof data === "object" && !Array.isArray(data) ? { ...data } : data;

/** Wraps every GET of this client with the shared cache: fresh answers, 304s, coalescing, stale-if-error. */
export function addResponseCache(
  octokit: Pick<Octokit, "hook" | "request">,
  cache: ResponseCache,
  { owner, maxAgeSeconds, now = Date.now }: CacheOptions,
): void {
  const fromCache = (cached: CachedResponse, url: string, headers: Headers = {}): Answer => ({
    status: 200,
    url,
    headers: { ...headers, etag: cached.etag, link: cached.link ?? undefined },
    data: cached.data,
  });
  const freshUntil = (headers: Headers): Date | null => {
    const seconds = Math.min(maxAgeOf(headers["cache-control"]), maxAgeSeconds);
    return seconds > 0 ? new Date(now() + seconds * 1000) : null;
  };
  const isFresh = (cached: CachedResponse) =>
    cached.freshUntil !== null &&
    cached.freshUntil.getTime() > now() &&
    // GITHUB_CACHE_MAX_AGE lowered since the row was written: the lower bound wins at once.
    cached.updatedAt.getTime() + maxAgeSeconds * 1000 > now();

  type Request = Parameters<Parameters<typeof octokit.hook.wrap<"request">>[1]>[0];
  type Options = Parameters<Parameters<typeof octokit.hook.wrap<"request">>[1]>[1];

  async function load(request: Request, options: Options, url: string, revalidate: boolean): Promise<Outcome> {
    const cached = await cache.get(url);
    if (cached && !revalidate && isFresh(cached)) return { response: fromCache(cached, url), stale: null };
    if (cached) options.headers = { ...options.headers, "if-none-match": cached.etag };
    // The answer is GitHub's state at some moment after this one: it is stored as of now, and a
    // webhook handled from now on may be about a change the answer does not show yet.
    const askedAt = new Date(now());
    try {
      const answer = (await request(options)) as Answer;
      const response = { ...answer, data: withoutApiLinks(answer.data, String(options.baseUrl)) };
      const etag = response.headers.etag;
      if (etag) {
        await cache.put(url, {
          etag: String(etag),
          data: response.data,
          link: (response.headers.link as string | undefined) ?? null,
          at: askedAt,
          freshUntil: freshUntil(response.headers),
        });
      }
      return { response, stale: null };
    } catch (error) {
      if (!cached) throw error;
      const notModified = error as { status?: number; response?: { headers: Headers } };
      if (notModified.status === 304 && notModified.response) {
        await cache.confirm(url, askedAt, freshUntil(notModified.response.headers));
        return { response: fromCache(cached, url, notModified.response.headers), stale: null };
      }
      // A read that decides access (no-cache) never falls back on a stored copy: an installation
      // deleted since would come back to life. Its caller learns GitHub could not answer.
      if (error instanceof GitHubUnavailableError && !revalidate) {
        return { response: fromCache(cached, url), stale: { asOf: cached.updatedAt, problem: error } };
      }
      throw error;
    }
  }

  // What this client was answered. githubFor's client lives for one page view, and a view asks
  // each URL once, whatever max-age allows — even when its parts ask at different moments (a pull
  // request list's details asked ahead of the list, views/pull-details.ts). A write through this
  // client forgets them: what follows it must see its effect.
  const answered = new Map<string, Promise<Outcome>>();

  octokit.hook.wrap("request", async (request, options) => {
    if (options.method !== "GET") {
      answered.clear();
      return request(options);
    }
    const { url, headers } = octokit.request.endpoint.parse(options);
    // The store keeps one answer per URL, in Octokit's default media type: a raw file, a diff or a
    // preview shape of the same URL is another answer, never stored and asked of GitHub every time.
    const storable = String(headers.accept ?? "") === STORED_MEDIA_TYPE;
    if (options.request?.[STORED_ONLY]) {
      const cached = storable ? await cache.get(url) : null;
      if (!cached) throw new NotStoredError(url);
      const freshness = { [STORED_FRESHNESS]: isFresh(cached) ? "fresh" : "stale" };
      return fromCache(cached, url, freshness) as Awaited<ReturnType<typeof request>>;
    }
    if (!storable) return request(options);
    // A caller deciding access (e.g. which installations a person may use) asks with `no-cache`:
    // never the stored answer unasked nor when GitHub fails, but still a conditional request.
    const revalidate = /\bno-cache\b/i.test(String(headers["cache-control"] ?? ""));
    // The person decides whose token and cache.
    const key = `${owner}\n${revalidate}\n${url}`;
    let shared = answered.get(key) ?? inFlight.get(key);
    if (!shared) {
      shared = load(request, options, url, revalidate).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    answered.set(key, shared);
    const { response, stale } = await shared;
    if (stale) noteStale(stale);
    // Each caller gets its own envelope and its own top level of the data: Octokit's paginate()
    // reshapes {total_count, installations: […]} answers in place. Deeper levels are shared and
    // only ever read.
    return { ...response, headers: { ...response.headers }, data: ownTopLevel(response.data) } as Awaited<
      ReturnType<typeof request>
    >;
  });
}
