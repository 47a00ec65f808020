import "server-only";
import type { Database } from "../../db/create-client";
import { forShare, rawTable, rowsInKeyOrder, timestampParameter } from "../../db/raw-table";
import type { ReadRows } from "../../db/read-rows";
import { getEnv } from "../../config/env";
import { Prisma } from "../../generated/sqlite/client";
import type { ConnectionStatus } from "../connection/status";
import type { ResponseCache, StoredAnswer } from "./response-cache";

// The response cache's store: GitHubResponseCache rows in the database, so every app instance
// shares them. Every view reads here and every answer from GitHub is written here, hence raw SQL
// (lib/db/raw-table.ts, lib/db/read-rows.ts). Writers that take several rows at once take them in
// key order (rowsInKeyOrder, and stores sorted by URL), so two instances writing one person's
// answers, or a webhook invalidating them meanwhile, never deadlock on PostgreSQL.

/**
 * Calls made together, run as one: a dashboard's panels ask for their answers side by side (and
 * each pull request's details side by side after them), so a warm view reads the store a few times
 * instead of once per answer. `defer` decides how long a batch gathers: by default to the end of
 * the event loop's turn (answers arriving on several sockets at once).
 */
function batched<T, R>(
  run: (items: T[]) => Promise<R>,
  defer: (callback: () => void) => void = setImmediate,
): (item: T) => Promise<R> {
  let batch: { items: T[]; result: Promise<R> } | null = null;
  return (item) => {
    if (!batch) {
      const items: T[] = [];
      const result = new Promise<void>((resolve) => defer(resolve)).then(() => {
        batch = null; // calls from now on form the next batch
        return run(items);
      });
      batch = { items, result };
    }
    batch.items.push(item);
    return batch.result;
  };
}

/**
 * Calls `callback` once the promise jobs queued so far, and those they queue, have run: a tick
 * queued from a promise job runs when the job queue is empty, before any timer or I/O callback.
 */
const afterPromiseJobs = (callback: () => void) => queueMicrotask(() => process.nextTick(callback));

/** To the second: confirmations of one turn then share their times and become one write. */
const toSecond = (date: Date | null) => (date ? new Date(Math.floor(date.getTime() / 1000) * 1000) : null);

type CacheRow = { url: string; etag: string; body: string; updatedAt: Date; freshUntil: Date | null };

const CACHE_KEY = ["userId", "url"] as const;

/**
 * GitHubResponseCache rows of one person. The body column holds the data and the Link header
 * (pagination survives a 304). `read` and `write` reach the database; `databaseUrl` is given for
 * a database other than the configured one (tests).
 */
export function databaseResponseCache(
  userId: string,
  {
    read,
    write,
    databaseUrl = getEnv().databaseUrl,
  }: { read: ReadRows; write: Pick<Database, "$executeRaw">; databaseUrl?: string },
): ResponseCache {
  const table = rawTable("GitHubResponseCache", databaseUrl);
  // Always a database read, never an in-process copy: a webhook's invalidation on any instance
  // counts at once.
  // Reads gather only until the pending promise jobs have run: the panels of a render reach this
  // point through promise chains alone, while the rest of the turn is the render's own work, which
  // a cold view's first requests to GitHub used to wait for (4 ms, measured).
  const loadRows = batched(async (urls: string[]) => {
    const rows = await read<CacheRow>(Prisma.sql`SELECT "url", "etag", "body", "updatedAt", "freshUntil"
      FROM ${table} WHERE "userId" = ${userId} AND "url" IN (${Prisma.join([...new Set(urls)])})`);
    return new Map(rows.map((row) => [row.url, row]));
  }, afterPromiseJobs);
  // The row may have gone meanwhile (disconnect), which is not an error. Only the two times
  // change; the body is not written again.
  const confirmRows = batched(async (confirmed: { url: string; at: Date; freshUntil: Date | null }[]) => {
    const byTimes = new Map<string, { at: Date; freshUntil: Date | null; urls: Set<string> }>();
    for (const { url, at, freshUntil } of confirmed) {
      const key = `${at.getTime()} ${freshUntil?.getTime()}`;
      if (!byTimes.has(key)) byTimes.set(key, { at, freshUntil, urls: new Set() });
      byTimes.get(key)!.urls.add(url);
    }
    for (const { at, freshUntil, urls } of byTimes.values()) {
      const rows = rowsInKeyOrder(
        table,
        CACHE_KEY,
        Prisma.sql`"userId" = ${userId} AND "url" IN (${Prisma.join([...urls])})`,
        databaseUrl,
      );
      await write.$executeRaw`UPDATE ${table} SET "updatedAt" = ${at},
        "freshUntil" = CASE WHEN "invalidatedAt" >= ${timestampParameter(at, databaseUrl)} THEN NULL
          ELSE ${timestampParameter(freshUntil, databaseUrl)} END WHERE ${rows}`;
    }
  });
  const connections = rawTable("GitHubConnection", databaseUrl);
  // Answers that arrive in the same turn are stored with one statement, on SQLite and PostgreSQL
  // alike; two instances storing the same URL at once both succeed, and the last answer stays.
  // An answer asked for before a webhook said it changed (invalidatedAt later than the asking,
  // which is the row's updatedAt) is stored without freshness: GitHub may have sent it before the
  // change, and its write may land after the invalidation.
  // Only while the person is connected: an answer to a view under way when their connection ended
  // (disconnected, revoked) would otherwise outlive the deletion of their answers. The check waits
  // for an ending under way (forShare), and an ending waits for a store under way.
  const storeRows = batched(async (answers: { url: string; answer: StoredAnswer }[]) => {
    // One row per URL (PostgreSQL refuses a statement that updates a row twice), in key order: an
    // INSERT takes its rows' locks in the order of its VALUES.
    const latest = new Map(answers.map((item) => [item.url, item.answer]));
    const rows = [...latest]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([url, { etag, data, link, at, freshUntil }]) =>
          Prisma.sql`(${userId}, ${url}, ${etag}, ${JSON.stringify({ data, link })},
            ${timestampParameter(at, databaseUrl)}, ${timestampParameter(freshUntil, databaseUrl)})`,
      );
    await write.$executeRaw`INSERT INTO ${table} ("userId", "url", "etag", "body", "updatedAt", "freshUntil")
      SELECT * FROM (VALUES ${Prisma.join(rows)}) AS "answer"
      WHERE EXISTS (SELECT 1 FROM ${connections}
        WHERE "userId" = ${userId} AND "status" = ${"connected" satisfies ConnectionStatus} ${forShare(databaseUrl)})
      ON CONFLICT ("userId", "url") DO UPDATE SET "etag" = excluded."etag", "body" = excluded."body",
        "updatedAt" = excluded."updatedAt",
        "freshUntil" = CASE WHEN ${table}."invalidatedAt" >= excluded."updatedAt" THEN NULL ELSE excluded."freshUntil" END`;
  });
  return {
    async get(url) {
      const row = (await loadRows(url)).get(url);
      if (!row) return null;
      try {
        const stored = JSON.parse(row.body) as { data: unknown; link?: string | null };
        return {
          etag: row.etag,
          data: stored.data,
          link: stored.link ?? null,
          updatedAt: row.updatedAt,
          freshUntil: row.freshUntil,
        };
      } catch {
        return null; // an unreadable row is a miss, and the next 200 overwrites it
      }
    },
    async put(url, answer) {
      await storeRows({ url, answer });
    },
    async confirm(url, at, freshUntil) {
      await confirmRows({ url, at: toSecond(at)!, freshUntil: toSecond(freshUntil) });
    },
  };
}

/**
 * GitHub told us (a webhook) that these repositories changed: every person's cached answers about
 * them, and every cached search (which may list their issues and pull requests), are revalidated
 * on the next read. With `includeRepositoryLists`, lists of repositories too (one was added,
 * removed, renamed). updatedAt is left alone (when the answer GitHub last sent or confirmed was
 * asked for, which a stale copy shows as "as of"); invalidatedAt says when this happened, so that an answer asked for
 * before it and stored after it is not fresh (the store's CASE). Rows already stale are marked
 * again for that reason: one of them may be being revalidated right now. Raw SQL because
 * Prisma's updateMany would also move updatedAt.
 */
export async function markRepositoryAnswersStale(
  writer: Pick<Database, "$executeRaw">,
  apiUrl: string,
  fullNames: string[],
  { includeRepositoryLists = false, databaseUrl = getEnv().databaseUrl, at = new Date() } = {},
): Promise<number> {
  const patterns = [
    ...fullNames.flatMap((name) => [
      `${apiUrl}/repos/${name}`,
      `${apiUrl}/repos/${name}/%`,
      `${apiUrl}/repos/${name}?%`,
    ]),
    `${apiUrl}/search/%`,
    ...(includeRepositoryLists ? [`${apiUrl}/user/repos%`, `${apiUrl}/user/installations%`] : []),
  ];
  // One statement, its rows taken in key order: invalidations and stores of the same rows on
  // other instances may run meanwhile. lower() on both sides: GitHub's names are case-insensitive,
  // and PostgreSQL's LIKE is not.
  const matching = Prisma.join(
    patterns.map((pattern) => Prisma.sql`lower("url") LIKE lower(${pattern})`),
    " OR ",
  );
  const table = rawTable("GitHubResponseCache", databaseUrl);
  const rows = rowsInKeyOrder(table, CACHE_KEY, matching, databaseUrl);
  return writer.$executeRaw`UPDATE ${table} SET "freshUntil" = NULL, "invalidatedAt" = ${at} WHERE ${rows}`;
}

/**
 * Deletes every cached answer of the person (private repository data), e.g. when their connection
 * ends. Rows taken in key order, as the person's answers may be being stored meanwhile.
 */
export async function forgetAnswers(
  writer: Pick<Database, "$executeRaw">,
  userId: string,
  databaseUrl = getEnv().databaseUrl,
): Promise<number> {
  const table = rawTable("GitHubResponseCache", databaseUrl);
  return writer.$executeRaw`DELETE FROM ${table}
    WHERE ${rowsInKeyOrder(table, CACHE_KEY, Prisma.sql`"userId" = ${userId}`, databaseUrl)}`;
}
