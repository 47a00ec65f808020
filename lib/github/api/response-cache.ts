import "server-only";
import type { Octokit } from "@octokit/rest";
import { isUniqueViolation } from "../../db/errors";
import type { Database } from "../../db/create-client";

// Conditional requests (a 304 does not count against GitHub's primary rate limit). Every GET
// sends the ETag of the last answer to the same URL for the same person; on 304 the stored body is
// returned as if GitHub had sent it again. The store is the database, so every app instance shares it.

export type CachedResponse = { etag: string; data: unknown; link: string | null };

export interface ResponseCache {
  get(url: string): Promise<CachedResponse | null>;
  put(url: string, entry: CachedResponse): Promise<void>;
}

/** GitHubResponseCache rows of one person. The body column holds the data and the Link header (pagination survives a 304). */
export function databaseResponseCache(database: Pick<Database, "gitHubResponseCache">, userId: string): ResponseCache {
  return {
    async get(url) {
      const row = await database.gitHubResponseCache.findUnique({ where: { userId_url: { userId, url } } });
      if (!row) return null;
      try {
        const stored = JSON.parse(row.body) as { data: unknown; link?: string | null };
        return { etag: row.etag, data: stored.data, link: stored.link ?? null };
      } catch {
        return null; // an unreadable row is a miss, and the next 200 overwrites it
      }
    },
    async put(url, { etag, data, link }) {
      const body = JSON.stringify({ data, link });
      try {
        await database.gitHubResponseCache.upsert({
          where: { userId_url: { userId, url } },
          create: { userId, url, etag, body },
          update: { etag, body },
        });
      } catch (error) {
        // Two panels (or instances) storing the same URL at once: one insert loses the race, and
        // the winner's row is just as good. Anything else is a real problem.
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}

/** Wraps every GET of this client with If-None-Match / 304 handling backed by `cache`. */
export function addConditionalRequests(octokit: Pick<Octokit, "hook" | "request">, cache: ResponseCache): void {
  octokit.hook.wrap("request", async (request, options) => {
    if (options.method !== "GET") return request(options);
    const { url } = octokit.request.endpoint.parse(options);
    const cached = await cache.get(url);
    if (cached) options.headers = { ...options.headers, "if-none-match": cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (etag) await cache.put(url, { etag, data: response.data, link: response.headers.link ?? null });
      return response;
    } catch (error) {
      const notModified = error as { status?: number; response?: { headers: Record<string, string | undefined> } };
      if (!cached || notModified.status !== 304 || !notModified.response) throw error;
      return {
        status: 200,
        url,
        headers: { ...notModified.response.headers, etag: cached.etag, link: cached.link ?? undefined },
        data: cached.data,
      };
    }
  });
}
