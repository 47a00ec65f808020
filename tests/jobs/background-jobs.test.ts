// Background upkeep against the GitHub emulator and a real database, with an injected clock instead
// of waiting: a connection is kept alive and a revoked grant is noticed without any page view, and
// a job runs once per period however many workers ask at the same moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectedUser, providers, refreshCount, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

const DAY = 24 * 60 * 60_000;

type Lib = {
  runner: typeof import("@/lib/jobs/runner");
  refreshExpiringTokens: typeof import("@/lib/jobs/refresh-expiring-tokens").refreshExpiringTokens;
  verifyIdleConnections: typeof import("@/lib/jobs/verify-idle-connections").verifyIdleConnections;
  purgeExpiredData: typeof import("@/lib/jobs/retention").purgeExpiredData;
  reconcileInstallations: typeof import("@/lib/jobs/reconcile-installations").reconcileInstallations;
};

describe.each(providers)("background jobs on %s", (provider) => {
  let world: LifecycleWorld;
  let lib: Lib;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    const [runner, refresh, verify, retention, reconcile] = await Promise.all([
      import("@/lib/jobs/runner"),
      import("@/lib/jobs/refresh-expiring-tokens"),
      import("@/lib/jobs/verify-idle-connections"),
      import("@/lib/jobs/retention"),
      import("@/lib/jobs/reconcile-installations"),
    ]);
    lib = {
      runner,
      refreshExpiringTokens: refresh.refreshExpiringTokens,
      verifyIdleConnections: verify.verifyIdleConnections,
      purgeExpiredData: retention.purgeExpiredData,
      reconcileInstallations: reconcile.reconcileInstallations,
    };
  });
  afterAll(async () => world?.stop());

  const row = (userId: string) => world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId } });
  const run = (job: (typeof lib)["refreshExpiringTokens"], at: Date, holder = "test-worker") =>
    lib.runner.runDueJobs([job], { clock: () => at, holder });

  it("refreshes a refresh token that nears its end, without any page view, once per period", async () => {
    await world.inspect.jobLease.deleteMany();
    const user = await connectedUser(world, "octocat");
    const before = await row(user.id);
    const refreshesBefore = await refreshCount(world);
    const { metrics } = await import("@/lib/ops/metrics");
    const counted = async () => (await metrics().refreshes.get()).values[0]?.value ?? 0;
    const countedBefore = await counted();

    // A month before the end of the refresh token's life: nothing to do yet.
    const monthBefore = new Date(before.refreshTokenExpiresAt!.getTime() - 31 * DAY);
    expect(await run(lib.refreshExpiringTokens, monthBefore)).toEqual([
      { job: "refresh-expiring-tokens", outcome: "ok", detail: { due: 0, refreshed: 0, ended: 0, failed: 0 } },
    ]);

    // Three weeks before it, an hour later (the job's period): refreshed, at GitHub and in the row.
    const threeWeeksBefore = new Date(before.refreshTokenExpiresAt!.getTime() - 21 * DAY);
    const [outcome] = await run(lib.refreshExpiringTokens, threeWeeksBefore);
    expect(outcome).toMatchObject({ outcome: "ok", detail: { due: 1, refreshed: 1 } });
    expect(await refreshCount(world)).toBe(refreshesBefore + 1);
    expect(await counted()).toBe(countedBefore + 1); // hublink_token_refreshes_total
    const after = await row(user.id);
    expect(after.status).toBe("connected");
    expect(after.refreshTokenCiphertext).not.toBe(before.refreshTokenCiphertext);
    expect(after.refreshTokenExpiresAt!.getTime()).toBeGreaterThan(before.refreshTokenExpiresAt!.getTime());

    // Asked again within the period: not due, nothing runs.
    expect(await run(lib.refreshExpiringTokens, new Date(threeWeeksBefore.getTime() + 60_000))).toEqual([]);

    // Every run is recorded: what it did and how long it took.
    const runs = await world.inspect.jobRun.findMany({ where: { job: "refresh-expiring-tokens" } });
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => JSON.parse(r.detail).refreshed).sort()).toEqual([0, 1]);
    expect(runs.every((r) => r.outcome === "ok" && r.durationMs >= 0)).toBe(true);
  });

  it("runs a job on one worker when several ask at the same moment", async () => {
    await world.inspect.jobLease.deleteMany();
    const at = new Date(Date.now() + 400 * DAY);
    const outcomes = await Promise.all(
      ["worker-a", "worker-b", "worker-c", "worker-d"].map((holder) => run(lib.purgeExpiredData, at, holder)),
    );
    expect(outcomes.flat()).toHaveLength(1);
    const lease = await world.inspect.jobLease.findUniqueOrThrow({ where: { name: "purge-expired-data" } });
    expect(lease.holder).toBeNull(); // released after the run
    expect(lease.nextRunAt.getTime()).toBe(at.getTime() + lib.purgeExpiredData.everyMs);
  });

  it("takes over a job whose holder died once its lease runs out", async () => {
    await world.inspect.jobLease.deleteMany();
    const at = new Date(Date.now() + 500 * DAY);
    // A worker claimed the job and was killed mid-run: the row still names it.
    await world.inspect.jobLease.create({
      data: {
        name: "purge-expired-data",
        holder: "dead-worker",
        leaseUntil: new Date(at.getTime() + 60_000),
        nextRunAt: at,
      },
    });
    expect(await run(lib.purgeExpiredData, at)).toEqual([]);
    const later = new Date(at.getTime() + lib.runner.JOB_LEASE_MS + 1);
    expect(await run(lib.purgeExpiredData, later)).toHaveLength(1);
  });

  it("marks an idle connection whose grant was revoked as revoked, without any page view", async () => {
    await world.inspect.jobLease.deleteMany();
    const user = await connectedUser(world, "hubot", { kind: "oauth_app" });
    // The person revokes Hublink on GitHub; no webhook comes for an OAuth app, and they do not visit.
    await world.control.revoke("hubot", { webhook: false });

    // Within a day of the last check: not looked at.
    expect(await run(lib.verifyIdleConnections, new Date(Date.now() + 60_000))).toMatchObject([{ detail: { due: 0 } }]);
    expect((await row(user.id)).status).toBe("connected");

    const [outcome] = await run(lib.verifyIdleConnections, new Date(Date.now() + DAY + 60 * 60_000));
    expect(outcome).toMatchObject({ outcome: "ok", detail: { ended: 1, failed: 0 } });
    const after = await row(user.id);
    expect(after).toMatchObject({
      status: "revoked",
      revokedReason: "token_check_failed",
      accessTokenCiphertext: null,
    });
  });

  it("keeps verifying a connection GitHub still knows, and records the check", async () => {
    await world.inspect.jobLease.deleteMany();
    const user = await connectedUser(world, "monalisa", { kind: "oauth_app" });
    const at = new Date(Date.now() + 2 * DAY);
    const [outcome] = await run(lib.verifyIdleConnections, at);
    expect(outcome).toMatchObject({ outcome: "ok", detail: { verified: 1, ended: 0 } });
    const after = await row(user.id);
    expect(after.status).toBe("connected");
    expect(after.lastVerifiedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("purges cached answers, delivery ids and flow states past their retention, and keeps the rest", async () => {
    await world.inspect.jobLease.deleteMany();
    const user = await world.inspect.user.create({ data: { login: "retention", email: `r-${Math.random()}@x` } });
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await world.inspect.gitHubResponseCache.createMany({
      data: [
        { userId: user.id, url: "/old", etag: "a", body: "{}", updatedAt: ago(31) },
        { userId: user.id, url: "/recent", etag: "b", body: "{}", updatedAt: ago(29) },
      ],
    });
    await world.inspect.webhookDelivery.createMany({
      data: [
        { deliveryId: `old-${Math.random()}`, event: "ping", receivedAt: ago(5) },
        { deliveryId: `recent-${Math.random()}`, event: "ping", receivedAt: ago(2) },
      ],
    });
    await world.inspect.consumedFlowState.createMany({
      data: [
        { key: `expired-${Math.random()}`, expiresAt: ago(1) },
        { key: `live-${Math.random()}`, expiresAt: new Date(now.getTime() + 60_000) },
      ],
    });
    const [outcome] = await run(lib.purgeExpiredData, now);
    expect(outcome).toMatchObject({
      outcome: "ok",
      detail: { cachedResponses: 1, webhookDeliveries: 1, flowStates: 1 },
    });
    expect(
      (await world.inspect.gitHubResponseCache.findMany({ where: { userId: user.id } })).map((r) => r.url),
    ).toEqual(["/recent"]);
    expect(await world.inspect.webhookDelivery.count({ where: { deliveryId: { startsWith: "recent-" } } })).toBe(1);
    expect(await world.inspect.webhookDelivery.count({ where: { deliveryId: { startsWith: "old-" } } })).toBe(0);
  });

  it("reconciles installations with what GitHub lists for each connected person, webhooks missed", async () => {
    await world.inspect.jobLease.deleteMany();
    await connectedUser(world, "octocat");
    const { id } = (await world.control.installations()).installations.find((i) => i.account === "octocat")!;
    const stored = () => world.inspect.installation.findUnique({ where: { githubInstallationId: String(id) } });
    await world.inspect.installation.deleteMany({ where: { githubInstallationId: String(id) } });

    const at = new Date();
    const [first] = await run(lib.reconcileInstallations, at);
    expect(first).toMatchObject({ outcome: "ok", detail: { failed: 0 } });
    expect(await stored()).toMatchObject({ accountLogin: "octocat", status: "active" });

    // Suspended on GitHub while Hublink was not listening (the webhook goes nowhere).
    await world.control.suspend(id);
    await run(lib.reconcileInstallations, new Date(at.getTime() + lib.reconcileInstallations.everyMs));
    expect(await stored()).toMatchObject({ status: "suspended" });
  });
});
