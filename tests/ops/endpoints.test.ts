// The operator's endpoints, called as the load balancer and Prometheus call them: readiness says
// why an instance cannot serve, metrics need the bearer token and report what the database holds.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectedUser, providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

async function freshModules() {
  delete (globalThis as { hublinkDb?: unknown }).hublinkDb;
  vi.resetModules();
  const [live, ready, metricsRoute, lifecycle] = await Promise.all([
    import("@/app/api/health/live/route"),
    import("@/app/api/health/ready/route"),
    import("@/app/api/metrics/route"),
    import("@/lib/ops/lifecycle"),
  ]);
  return { live, ready, metricsRoute, lifecycle };
}

const scrape = (m: Awaited<ReturnType<typeof freshModules>>, authorization?: string) =>
  m.metricsRoute.GET(
    new Request("http://hublink.test/api/metrics", { headers: authorization ? { authorization } : {} }),
  );

describe.each(providers)("health and metrics on %s", (provider) => {
  let world: LifecycleWorld;
  let m: Awaited<ReturnType<typeof freshModules>>;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    m = await freshModules();
  });
  afterAll(async () => {
    delete process.env.METRICS_TOKEN;
    await world?.stop();
  });

  it("answers liveness without touching anything", async () => {
    const response = m.live.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "live" });
  });

  it("is ready on a reachable, migrated database, and says when a migration is missing", async () => {
    const ready = await m.ready.GET();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });

    // A migration this build ships with is not applied (an older database behind a newer build).
    const schema = provider === "postgresql" ? new URL(world.database.url).searchParams.get("schema") : null;
    const table = schema ? `"${schema}"._prisma_migrations` : "_prisma_migrations";
    await world.inspect.$executeRawUnsafe(
      `UPDATE ${table} SET migration_name = 'renamed' WHERE migration_name LIKE '%_background_jobs'`,
    );
    try {
      const pending = await m.ready.GET();
      expect(pending.status).toBe(503);
      expect(await pending.json()).toEqual({ status: "unavailable", reason: "migrations_pending" });
    } finally {
      await world.inspect.$executeRawUnsafe(
        `UPDATE ${table} SET migration_name = '20261202150000_background_jobs' WHERE migration_name = 'renamed'`,
      );
    }
  });

  it("serves metrics only with the bearer token", async () => {
    expect((await scrape(m)).status).toBe(401);
    expect((await scrape(m, "Bearer wrong-token-0123456789abcdef")).status).toBe(401);
    expect((await scrape(m, `Basic ${METRICS_TOKEN}`)).status).toBe(401);
    const response = await scrape(m, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
  });

  it("reports connections by status and the last run of each job from the database", async () => {
    const user = await connectedUser(world, "octocat", { kind: "oauth_app" });
    await connectedUser(world, "hubot", { kind: "oauth_app" });
    await world.inspect.gitHubConnection.update({ where: { userId: user.id }, data: { status: "revoked" } });
    const { runDueJobs } = await import("@/lib/jobs/runner");
    const { purgeExpiredData } = await import("@/lib/jobs/retention");
    await runDueJobs([purgeExpiredData], { clock: () => new Date(), holder: "metrics-test" });

    const text = await (await scrape(m, `Bearer ${METRICS_TOKEN}`)).text();
    const connected = await world.inspect.gitHubConnection.count({ where: { status: "connected" } });
    expect(text).toContain(`hublink_connections{status="connected"} ${connected}`);
    expect(text).toContain(`hublink_connections{status="revoked"} 1`);
    expect(text).toMatch(/hublink_job_last_run_timestamp_seconds\{job="purge-expired-data",outcome="ok"\} \d+/);
    expect(text).toMatch(/hublink_job_runs_total\{job="purge-expired-data",outcome="ok"\} [1-9]/);
    expect(text).toContain('hublink_job_last_run_items{job="purge-expired-data",item="cachedResponses"} 0');
  });

  it("counts GitHub's answers, 304s as revalidated from the cache", async () => {
    const user = await connectedUser(world, "monalisa", { kind: "oauth_app" });
    const { githubFor } = await import("@/lib/github/client");
    const count = async (labels: string) => {
      const text = await (await scrape(m, `Bearer ${METRICS_TOKEN}`)).text();
      return Number(text.match(new RegExp(`hublink_github_requests_total\\{${labels}\\} (\\d+)`))?.[1] ?? 0);
    };
    const before = {
      ok: await count('status="200",cache="no"'),
      revalidated: await count('status="304",cache="revalidated"'),
    };
    await githubFor(user.id).rest.users.getAuthenticated();
    // The next page view (its own client) asks the same URL: conditional, answered 304.
    await githubFor(user.id).rest.users.getAuthenticated();
    expect(await count('status="200",cache="no"')).toBe(before.ok + 1);
    expect(await count('status="304",cache="revalidated"')).toBe(before.revalidated + 1);
  });

  it("turns readiness off while shutting down", async () => {
    m.lifecycle.startDraining();
    const response = await m.ready.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "shutting_down" });
    // Back to normal for the next provider's run in this process.
    (globalThis as Record<symbol, { draining: boolean }>)[Symbol.for("hublink.lifecycle")]!.draining = false;
  });
});

describe("without a database or a metrics token", () => {
  let world: LifecycleWorld;
  beforeAll(async () => {
    world = await startLifecycleWorld("sqlite");
  });
  afterAll(async () => world?.stop());

  it("has no metrics endpoint when METRICS_TOKEN is unset", async () => {
    delete process.env.METRICS_TOKEN;
    const m = await freshModules();
    expect((await scrape(m, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
  });

  it("is not ready when the database cannot be reached", async () => {
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/unreachable";
    const m = await freshModules();
    const response = await m.ready.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "database_unreachable" });
    expect(m.live.GET().status).toBe(200);
  });
});
