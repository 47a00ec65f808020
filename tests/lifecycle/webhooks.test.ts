// POST /api/github/webhooks: the route handler itself, fed by the GitHub emulator's real signed
// deliveries (through a small HTTP receiver) and by hand-made requests for what GitHub would never
// send: no signature, a wrong one, a replay, 2 MB. Rejected deliveries change nothing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signWebhookBody, SEEDED_INSTALLATION_ID } from "@hublink/github-emulator";
import { DEMO_GITHUB_APP } from "@/lib/config/demo";
import {
  connectedUser,
  expireAccessToken,
  providers,
  startLifecycleWorld,
  type LifecycleWorld,
} from "../support/lifecycle";

const SECRET = DEMO_GITHUB_APP.webhookSecret;

describe.each(providers)("GitHub webhooks on %s", (provider) => {
  let world: LifecycleWorld;
  let receiver: Server;
  let POST: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    // The emulator delivers to this receiver, which hands each delivery to the route handler.
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const response = await POST(
        new Request(`http://localhost${req.url}`, {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    world = await startLifecycleWorld(provider, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
    ({ POST } = await import("@/app/api/github/webhooks/route"));
  });
  afterAll(async () => {
    await world?.stop();
    receiver?.close();
  });

  async function deliveriesSettled() {
    await vi.waitFor(async () => {
      const { webhooks } = await world.control.stats();
      expect(webhooks.deliveries.every((d) => d.status !== null)).toBe(true);
      return webhooks.deliveries;
    });
    const { webhooks } = await world.control.stats();
    return webhooks.deliveries;
  }

  function signed(
    event: string,
    payload: unknown,
    { delivery = crypto.randomUUID(), signature }: { delivery?: string; signature?: string | null } = {},
  ) {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": delivery,
    };
    const sig = signature === undefined ? signWebhookBody(SECRET, body) : signature;
    if (sig !== null) headers["x-hub-signature-256"] = sig;
    return new Request("http://localhost/api/github/webhooks", { method: "POST", headers, body });
  }

  const revokedPayload = (id: number) => ({ action: "revoked", sender: { id, login: "octocat", type: "User" } });
  const connection = (userId: string) => world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId } });
  const deliveryCount = () => world.inspect.webhookDelivery.count();

  /** The person revokes the App on GitHub, but this test delivers (or replays) the webhook itself. */
  const revokeAtGitHub = (login: string) =>
    world.control.revoke(login, { clientId: DEMO_GITHUB_APP.clientId, webhook: false });

  it("GitHub's github_app_authorization.revoked revokes that person's connection at once, asking GitHub only about the token", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const other = await connectedUser(world, "hubot");
    await world.inspect.gitHubResponseCache.create({
      data: { userId: user.id, url: "/user/repos", etag: '"e"', body: "[]" },
    });
    await world.control.revoke("octocat");

    expect((await deliveriesSettled()).map((d) => [d.event, d.status])).toEqual([["github_app_authorization", 200]]);
    expect(await connection(user.id)).toMatchObject({
      status: "revoked",
      revokedReason: "authorization_revoked",
      accessTokenCiphertext: null,
    });
    expect((await connection(other.id)).status).toBe("connected");
    // Cached GitHub answers go with the grant.
    expect(await world.inspect.gitHubResponseCache.count({ where: { userId: user.id } })).toBe(0);
    // One question to GitHub — does it still know octocat's token? — whose 404 the token itself
    // confirms (GET /user, 401), and nothing else.
    const { calls } = await world.control.stats();
    expect(calls).toEqual({ "POST /applications/{client_id}/token": 1, "GET /user": 1 });
  });

  it("a revocation delivered late, after the person reconnected, leaves the new connection alone", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    // GitHub still knows the stored token: it was issued after whatever revocation this reports.
    const response = await POST(signed("github_app_authorization", revokedPayload(583231)));
    expect(response.status).toBe(200);
    expect((await connection(user.id)).status).toBe("connected");
  });

  it("a revocation delivered late, after the person reconnected, leaves the new connection alone even once its access token expired", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    // The new grant's access token has run out (eight hours without a visit): GitHub knows it no
    // more, but its refresh token still works, so the grant stands.
    await expireAccessToken(world, user.id, "octocat");
    const response = await POST(signed("github_app_authorization", revokedPayload(583231)));
    expect(response.status).toBe(200);
    expect((await connection(user.id)).status).toBe("connected");
    const { githubFor } = await import("@/lib/github/client");
    expect((await githubFor(user.id).rest.users.getAuthenticated()).data.login).toBe("octocat");

    // A revocation that did happen is still acted on when the stored access token has expired.
    await revokeAtGitHub("octocat");
    await expireAccessToken(world, user.id, "octocat");
    expect((await POST(signed("github_app_authorization", revokedPayload(583231)))).status).toBe(200);
    expect(await connection(user.id)).toMatchObject({ status: "revoked", accessTokenCiphertext: null });
  });

  it("a revocation delivered to a server without the token check (404 for every token) leaves a token that works alone", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    await world.control.addFault({
      method: "POST",
      path: "^/applications/[^/]+/token$",
      status: 404,
      body: { message: "Not Found" },
    });
    const response = await POST(signed("github_app_authorization", revokedPayload(583231)));
    expect(response.status).toBe(200);
    expect(await connection(user.id)).toMatchObject({ status: "connected", revokedReason: null });
  });

  it("installation suspend, unsuspend, repositories and delete are reflected in the stored installation", async () => {
    await world.control.reset();
    const stored = () =>
      world.inspect.installation.findUnique({ where: { githubInstallationId: String(SEEDED_INSTALLATION_ID) } });

    await world.control.suspend(SEEDED_INSTALLATION_ID);
    await deliveriesSettled();
    expect(await stored()).toMatchObject({
      status: "suspended",
      accountLogin: "octocat",
      accountType: "User",
      repositorySelection: "all",
    });
    expect((await stored())!.suspendedAt).toBeInstanceOf(Date);

    await world.control.unsuspend(SEEDED_INSTALLATION_ID);
    await deliveriesSettled();
    expect(await stored()).toMatchObject({ status: "active", suspendedAt: null });

    await world.control.uninstall(SEEDED_INSTALLATION_ID);
    await deliveriesSettled();
    expect(await stored()).toMatchObject({ status: "deleted" });
  });

  it("installation.created and installation_repositories.removed store the installation and its selection", async () => {
    const installation = {
      id: 777,
      account: { id: 9919, login: "octo-org", type: "Organization" },
      repository_selection: "all",
      permissions: { issues: "read" },
    };
    expect(
      (await POST(signed("installation", { action: "created", installation, sender: { id: 583231 } }))).status,
    ).toBe(200);
    expect(await world.inspect.installation.findUnique({ where: { githubInstallationId: "777" } })).toMatchObject({
      status: "active",
      accountLogin: "octo-org",
    });
    const removed = {
      action: "removed",
      installation: { ...installation, repository_selection: "selected" },
      repository_selection: "selected",
    };
    expect((await POST(signed("installation_repositories", removed))).status).toBe(200);
    expect(await world.inspect.installation.findUnique({ where: { githubInstallationId: "777" } })).toMatchObject({
      repositorySelection: "selected",
    });
  });

  it("installation.created naming a requester settles that person's pending request", async () => {
    await world.control.reset();
    const hubot = await connectedUser(world, "hubot");
    await world.inspect.installationRequest.create({ data: { userId: hubot.id, status: "pending" } });
    const installation = {
      id: 778,
      account: { id: 9919, login: "octo-org", type: "Organization" },
      repository_selection: "selected",
    };
    const payload = {
      action: "created",
      installation,
      requester: { id: 480938, login: "hubot" },
      sender: { id: 583231 },
    };
    expect((await POST(signed("installation", payload))).status).toBe(200);

    expect(await world.inspect.installationRequest.findFirst({ where: { userId: hubot.id } })).toMatchObject({
      status: "approved",
      githubInstallationId: "778",
    });
    const events = await world.inspect.connectionEvent.findMany({
      where: { userId: hubot.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["connected", "installed"]);
  });

  it.each([
    ["a missing signature", { signature: null }, 401],
    ["a wrong signature", { signature: signWebhookBody("not-the-secret", "{}") }, 401],
    ["a malformed signature", { signature: "sha1=abc" }, 401],
  ])("rejects %s with no change", async (_what, options, status) => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const before = await deliveryCount();
    const response = await POST(signed("github_app_authorization", revokedPayload(583231), options));
    expect(response.status).toBe(status);
    expect((await connection(user.id)).status).toBe("connected");
    expect(await deliveryCount()).toBe(before);
  });

  it("ignores a replayed delivery: the second copy changes nothing", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const delivery = crypto.randomUUID();
    await revokeAtGitHub("octocat");
    expect((await POST(signed("github_app_authorization", revokedPayload(583231), { delivery }))).status).toBe(200);
    expect((await connection(user.id)).status).toBe("revoked");

    // The person reconnects; then an attacker (or GitHub's redelivery) replays the old delivery.
    const again = await connectedUser(world, "octocat");
    const response = await POST(signed("github_app_authorization", revokedPayload(583231), { delivery }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: "duplicate" });
    expect((await connection(again.id)).status).toBe("connected");
  });

  it("rejects a 2 MB body with 413 — even when Content-Length is not sent — and changes nothing", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const before = await deliveryCount();
    const huge = { ...revokedPayload(583231), padding: "x".repeat(2 * 1024 * 1024) };
    expect((await POST(signed("github_app_authorization", huge))).status).toBe(413);

    const body = JSON.stringify(huge);
    const streamed = new Request("http://localhost/api/github/webhooks", {
      method: "POST",
      headers: {
        "x-github-event": "github_app_authorization",
        "x-github-delivery": crypto.randomUUID(),
        "x-hub-signature-256": signWebhookBody(SECRET, body),
      },
      body: new Blob([body]).stream(),
      duplex: "half",
    } as RequestInit);
    expect((await POST(streamed)).status).toBe(413);
    expect((await connection(user.id)).status).toBe("connected");
    expect(await deliveryCount()).toBe(before);
  });

  it("rejects a correctly signed but malformed delivery with 400 and no change", async () => {
    const before = await deliveryCount();
    const notJson = new Request("http://localhost/api/github/webhooks", {
      method: "POST",
      headers: {
        "x-github-event": "installation",
        "x-github-delivery": crypto.randomUUID(),
        "x-hub-signature-256": signWebhookBody(SECRET, "{not json"),
      },
      body: "{not json",
    });
    expect((await POST(notJson)).status).toBe(400);
    expect((await POST(signed("installation", { action: "created", installation: { id: "nope" } }))).status).toBe(400);
    expect(await deliveryCount()).toBe(before);
  });

  it.each(["null", "42", "[]", '"revoked"'])(
    "answers a correctly signed body that is not an object (%s) with 400",
    async (body) => {
      const before = await deliveryCount();
      const request = new Request("http://localhost/api/github/webhooks", {
        method: "POST",
        headers: {
          "x-github-event": "github_app_authorization",
          "x-github-delivery": crypto.randomUUID(),
          "x-hub-signature-256": signWebhookBody(SECRET, body),
        },
        body,
      });
      expect((await POST(request)).status).toBe(400);
      expect(await deliveryCount()).toBe(before);
    },
  );

  it("defers a revocation with 503 while GitHub cannot say whether the token still works, and acts on the redelivery", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const delivery = crypto.randomUUID();
    for (const status of [502, 503, 429]) {
      await world.control.addFault({ method: "POST", path: "^/api/v3/applications/[^/]+/token$", status, times: 1 });
      const response = await POST(signed("github_app_authorization", revokedPayload(583231), { delivery }));
      expect(response.status).toBe(503);
      expect((await connection(user.id)).status).toBe("connected");
    }
    // GitHub answers again, and knows the token no more: the redelivery of the same delivery revokes.
    await revokeAtGitHub("octocat");
    expect((await POST(signed("github_app_authorization", revokedPayload(583231), { delivery }))).status).toBe(200);
    expect(await connection(user.id)).toMatchObject({ status: "revoked", revokedReason: "authorization_revoked" });
  });

  it.each(["constructor", "__proto__", "toString"])(
    "ignores an installation action named like an object member (%s)",
    async (action) => {
      const installation = {
        id: 779,
        account: { id: 9919, login: "octo-org", type: "Organization" },
        repository_selection: "all",
      };
      expect((await POST(signed("installation", { action, installation, sender: { id: 583231 } }))).status).toBe(200);
    },
  );
});
