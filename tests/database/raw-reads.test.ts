// The reads every page view makes are raw SQL (Prisma's model queries cost several times more
// CPU here, lib/db/raw-table.ts). They must answer exactly what the model queries answer, on SQLite
// and on PostgreSQL (TEST_POSTGRES_URL): the same rows, DateTime columns as Date, nothing else.
import { PrismaAdapter } from "@auth/prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectedUser, providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

describe.each(providers)("raw reads on %s", (provider) => {
  let world: LifecycleWorld;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
  });
  afterAll(async () => world?.stop());

  it("a connection reads as the model query reads it, tokens still encrypted", async () => {
    const { findConnection } = await import("@/lib/github/connection/store");
    const user = await connectedUser(world, "octocat");
    const row = (await world.inspect.gitHubConnection.findUnique({ where: { userId: user.id } }))!;
    const found = await findConnection(user.id);
    expect(found).toEqual({ ...row, scopes: [] });
    expect(found!.accessTokenExpiresAt).toBeInstanceOf(Date);
    expect(found!.accessTokenCiphertext).not.toMatch(/^ghu_/);
    expect(await findConnection("nobody")).toBeNull();
  });

  it("a session and its person read as Auth.js's Prisma adapter reads them, in one query", async () => {
    const { authAdapter } = await import("@/lib/auth/adapter");
    const { db } = await import("@/lib/db/client");
    const { readRows } = await import("@/lib/db/client");
    const user = await world.inspect.user.create({
      data: { login: "hubot", name: "Hubot", email: null, emailVerified: new Date(1_700_000_000_000), image: "i" },
    });
    const expires = new Date(Date.now() + 86_400_000);
    await world.inspect.session.create({ data: { sessionToken: "session-hubot", userId: user.id, expires } });

    let queries = 0;
    const counting: typeof readRows = (query) => (queries++, readRows(query));
    const ours = await authAdapter(db, counting).getSessionAndUser!("session-hubot");
    const theirs = await PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]).getSessionAndUser!(
      "session-hubot",
    );
    expect(queries).toBe(1);
    expect(ours).toEqual({
      session: { sessionToken: "session-hubot", userId: user.id, expires },
      user: { id: user.id, login: "hubot", name: "Hubot", email: null, emailVerified: user.emailVerified, image: "i" },
    });
    expect(theirs).toMatchObject(ours!);
    expect(await authAdapter(db, readRows).getSessionAndUser!("no-such-session")).toBeNull();
  });

  it("a page's signed-in person: the session's person while it lasts, nobody after it or without one", async () => {
    const { userOfSession } = await import("@/lib/auth/session-user");
    const user = await world.inspect.user.create({ data: { login: "mona", name: null, image: null } });
    const now = Date.now();
    await world.inspect.session.createMany({
      data: [
        { sessionToken: "session-mona", userId: user.id, expires: new Date(now + 60_000) },
        { sessionToken: "session-mona-old", userId: user.id, expires: new Date(now - 1) },
      ],
    });
    expect(await userOfSession("session-mona", now)).toEqual({ id: user.id, login: "mona", name: null, image: null });
    expect(await userOfSession("session-mona", now + 60_000)).toBeNull();
    expect(await userOfSession("session-mona-old", now)).toBeNull();
    expect(await userOfSession("session-nobody", now)).toBeNull();
    expect(await userOfSession(undefined, now)).toBeNull();
  });

  it("pending installation requests: only this person's pending ones, newest first", async () => {
    const { pendingInstallationRequests } = await import("@/lib/github/views/installations");
    const [me, other] = await Promise.all([
      world.inspect.user.create({ data: { login: "monalisa" } }),
      world.inspect.user.create({ data: { login: "bigcat" } }),
    ]);
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 10, minutes));
    await world.inspect.installationRequest.createMany({
      data: [
        { userId: me.id, accountLogin: "github", status: "pending", requestedAt: at(1) },
        { userId: me.id, accountLogin: null, status: "pending", requestedAt: at(5) },
        { userId: me.id, accountLogin: "octo-org", status: "approved", requestedAt: at(9) },
        { userId: other.id, accountLogin: "theirs", status: "pending", requestedAt: at(7) },
      ],
    });
    const rows = await world.inspect.installationRequest.findMany({
      where: { userId: me.id, status: "pending" },
      orderBy: { requestedAt: "desc" },
      select: { id: true, accountLogin: true, requestedAt: true },
    });
    expect(await pendingInstallationRequests(me.id)).toEqual(rows);
    expect(rows.map((r) => r.accountLogin)).toEqual([null, "github"]);
  });
});
