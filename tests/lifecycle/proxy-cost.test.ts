// proxy.ts on every app request: what it decides, that its one database read is answered by
// indexes, and what that read costs per request (printed; run with TEST_POSTGRES_URL for PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

const PEOPLE = 5_000;
const ROUNDS = 400;

describe.each(providers)("proxy on %s", (provider) => {
  let world: LifecycleWorld;
  let proxy: typeof import("@/proxy").proxy;
  let NextRequest: typeof import("next/server").NextRequest;
  let gate: typeof import("@/lib/github/connection/gate");

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    [{ proxy }, { NextRequest }, gate] = await Promise.all([
      import("@/proxy"),
      import("next/server"),
      import("@/lib/github/connection/gate"),
    ]);

    // Many people, so a missing index would show in the plan. Person i: session `session-i`,
    // connection revoked when i % 10 === 1, expired session when i % 10 === 2.
    const ids = Array.from({ length: PEOPLE }, (_, i) => `user-${i}`);
    await world.inspect.user.createMany({ data: ids.map((id) => ({ id, login: id })) });
    const day = 86_400_000;
    await world.inspect.session.createMany({
      data: ids.map((userId, i) => ({
        userId,
        sessionToken: `session-${i}`,
        expires: new Date(Date.now() + (i % 10 === 2 ? -day : day)),
      })),
    });
    await world.inspect.gitHubConnection.createMany({
      data: ids.map((userId, i) => ({
        userId,
        githubUserId: String(i),
        login: userId,
        kind: "github_app",
        status: i % 10 === 1 ? "revoked" : "connected",
      })),
    });
  }, 120_000);
  afterAll(async () => world?.stop());

  const request = (path: string, sessionToken?: string) =>
    new NextRequest(`http://localhost:3000${path}`, {
      headers: sessionToken ? { cookie: `authjs.session-token=${sessionToken}` } : {},
    });

  it("sends a revoked connection to /reconnect with the page, lets a working one through, and ignores expired sessions", async () => {
    const revoked = await proxy(request("/repos/octocat/hello-world?tab=issues", "session-11"));
    expect(revoked.status).toBe(307);
    expect(revoked.headers.get("location")).toBe(
      "http://localhost:3000/reconnect?returnTo=%2Frepos%2Foctocat%2Fhello-world%3Ftab%3Dissues",
    );

    const working = await proxy(request("/dashboard", "session-10"));
    expect(working.headers.get("location")).toBeNull();
    expect(working.headers.get("x-middleware-request-x-hublink-path")).toBe("/dashboard");

    // An expired session is the sign-in check's business (the page redirects to sign in), not /reconnect.
    await world.inspect.gitHubConnection.update({ where: { userId: "user-12" }, data: { status: "revoked" } });
    expect((await proxy(request("/dashboard", "session-12"))).headers.get("location")).toBeNull();

    const signedOut = await proxy(request("/dashboard"));
    expect(signedOut.headers.get("location")).toBe("http://localhost:3000/?returnTo=%2Fdashboard");
  });

  it("reads the connection status in one query that both unique indexes answer", async () => {
    const query = gate.connectionStatusQuery("session-10");
    const plan =
      provider === "sqlite"
        ? (
            (await world.inspect.$queryRawUnsafe(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.values)) as {
              detail: string;
            }[]
          ).map((r) => r.detail)
        : (
            (await world.inspect.$queryRawUnsafe(`EXPLAIN ${query.text}`, ...query.values)) as {
              "QUERY PLAN": string;
            }[]
          ).map((r) => r["QUERY PLAN"]);
    const text = plan.join("\n");
    expect(text).not.toMatch(/\bSCAN\b|Seq Scan/);
    expect(text.match(/Session_sessionToken_key/g)).toHaveLength(1);
    expect(text.match(/GitHubConnection_userId_key/g)).toHaveLength(1);
  });

  it("costs about one indexed read per request (measured)", async () => {
    const time = async (run: (i: number) => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        await run(i);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[Math.floor(ROUNDS / 2)]!, p95: samples[Math.floor(ROUNDS * 0.95)]! };
    };
    const sessionOf = (i: number) => `session-${(i * 37) % PEOPLE}`;
    await time((i) => proxy(request("/dashboard", sessionOf(i)))); // warm up
    const signedOut = await time(() => proxy(request("/dashboard")));
    const signedIn = await time((i) => proxy(request("/dashboard", sessionOf(i))));
    const read = await time((i) => gate.connectionStatusForSession(sessionOf(i)));
    const ms = (n: number) => `${n.toFixed(3)} ms`;
    console.log(
      `[proxy cost ${provider}, ${PEOPLE} people, ${ROUNDS} requests] ` +
        `no session (no database): p50 ${ms(signedOut.p50)}, p95 ${ms(signedOut.p95)}; ` +
        `signed in (one read): p50 ${ms(signedIn.p50)}, p95 ${ms(signedIn.p95)}; ` +
        `the read alone: p50 ${ms(read.p50)}, p95 ${ms(read.p95)}; ` +
        `overhead p50 ${ms(signedIn.p50 - signedOut.p50)}`,
    );
    // Generous bound for a shared 2-core machine; a GitHub call or a table scan would blow it.
    expect(signedIn.p50 - signedOut.p50).toBeLessThan(10);
  });
});
