// Freshness never hides a change GitHub told us about: the emulator changes an issue and delivers
// its signed `issues` webhook to the route handler, which marks that repository's cached answers and
// every cached search stale; the next read asks GitHub and shows the change. Other answers stay fresh.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectedUser, providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

describe.each(providers)("webhooks invalidate cached answers on %s", (provider) => {
  let world: LifecycleWorld;
  let receiver: Server;
  let POST: (request: Request) => Promise<Response>;
  let lib: { githubFor: typeof import("@/lib/github/client").githubFor };

  beforeAll(async () => {
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
    const appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    world = await startLifecycleWorld(provider, appUrl, { GITHUB_CACHE_MAX_AGE: "60" });
    ({ POST } = await import("@/app/api/github/webhooks/route"));
    lib = { githubFor: (await import("@/lib/github/client")).githubFor };
  });
  afterAll(async () => {
    await world?.stop();
    receiver?.close();
  });

  it("an issues delivery marks that repository's answers and every search stale; the next read shows the change", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const github = () => lib.githubFor(user.id);
    const read = async () => ({
      issues: (await github().request("GET /repos/{owner}/{repo}/issues", { owner: "octocat", repo: "hello-world" }))
        .data,
      search: (await github().request("GET /search/issues", { q: "is:issue is:open repo:octocat/hello-world" })).data,
      profile: (await github().request("GET /user")).data,
      otherRepository: (await github().request("GET /repos/{owner}/{repo}", { owner: "octocat", repo: "spoon-knife" }))
        .data,
    });
    const before = await read();
    const issue = before.issues.find((i) => !("pull_request" in i && i.pull_request))!;
    const rows = () => world.inspect.gitHubResponseCache.findMany({ orderBy: { url: "asc" } });
    expect((await rows()).every((row) => row.freshUntil !== null)).toBe(true);

    await world.control.updateIssue("octocat/hello-world", issue.number, { title: "Changed on GitHub" });
    await vi.waitFor(async () => {
      const { webhooks } = await world.control.stats();
      expect(webhooks.deliveries).toEqual([
        expect.objectContaining({ event: "issues", action: "edited", status: 200 }),
      ]);
    });

    const stale = (await rows()).filter((row) => row.freshUntil === null).map((row) => new URL(row.url).pathname);
    expect(stale.sort()).toEqual(["/api/v3/repos/octocat/hello-world/issues", "/api/v3/search/issues"]);

    const after = await read();
    expect(after.issues.find((i) => i.number === issue.number)?.title).toBe("Changed on GitHub");
    expect(after.search.items.find((i) => i.number === issue.number)?.title).toBe("Changed on GitHub");
  });

  it("a repository renamed or transferred: answers stored under its former name are stale too", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "octocat");
    const { DEMO_GITHUB_APP } = await import("@/lib/config/demo");
    const { createHmac } = await import("node:crypto");
    const deliver = (payload: object) => {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac("sha256", DEMO_GITHUB_APP.webhookSecret).update(body).digest("hex")}`;
      return POST(
        new Request("http://localhost/api/github/webhooks", {
          method: "POST",
          headers: {
            "x-github-event": "repository",
            "x-github-delivery": crypto.randomUUID(),
            "x-hub-signature-256": signature,
          },
          body,
        }),
      );
    };
    const staleness = async (path: string) =>
      (await world.inspect.gitHubResponseCache.findFirstOrThrow({ where: { url: { endsWith: path } } })).freshUntil;
    for (const [repo, payload] of [
      [
        "hello-world",
        {
          action: "renamed",
          changes: { repository: { name: { from: "hello-world" } } },
          repository: { full_name: "octocat/hello-universe" },
        },
      ],
      [
        "spoon-knife",
        {
          action: "transferred",
          changes: { owner: { from: { organization: { login: "octocat" } } } },
          repository: { full_name: "github/spoon-knife" },
        },
      ],
    ] as const) {
      await lib.githubFor(user.id).request("GET /repos/{owner}/{repo}", { owner: "octocat", repo });
      expect(await staleness(`/repos/octocat/${repo}`)).not.toBeNull();
      expect((await deliver(payload)).status).toBe(200);
      expect(await staleness(`/repos/octocat/${repo}`)).toBeNull();
    }
  });
});
