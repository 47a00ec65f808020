import http from "node:http";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_GITHUB_APP } from "../../lib/config/demo";
import { E2E_INSTANCE_PORTS } from "../config";
import { appDatabase } from "../support/app-database";
import { panel, panelsLoaded } from "../support/dashboards";
import { emulatorControl } from "../support/emulator-control";
import { expect, freshWorld, test } from "../support/fixtures";
import { clusterInstances, instanceLog } from "./state";

// The journeys through nginx (round robin) in front of two production instances that share only
// PostgreSQL: nothing may depend on landing on the same instance twice. Every response names the
// instance that answered (X-Hublink-Upstream, added by nginx), so the tests can show both served.

test.describe.configure({ mode: "serial" });

test.beforeEach(async () => {
  await freshWorld("octocat");
  await appDatabase().installation.deleteMany();
});

/** The instance that answered: the last address nginx tried ("a, b" when it moved on from a). */
const answeredBy = (header: string | undefined) => header?.split(", ").at(-1);

/** Every instance that answered this page's requests from now on. */
function answeringInstances(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on("response", (response) => {
    const upstream = answeredBy(response.headers()["x-hublink-upstream"]);
    if (upstream) seen.add(upstream);
  });
  return seen;
}

test("sign in, connect and the dashboard work whichever instance answers each request", async ({ page, hublink }) => {
  const instances = answeringInstances(page);
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto("/dashboard");
  await panelsLoaded(page);
  await expect(panel(page, /The Octocat/).getByRole("link", { name: "@octocat" })).toBeVisible();
  await page.reload();
  await panelsLoaded(page);
  expect([...instances].sort()).toEqual(E2E_INSTANCE_PORTS.map((port) => `127.0.0.1:${port}`));
});

test("a refresh storm spread over both instances refreshes the token exactly once", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.waitForLoadState("load");
  // The access token expires, at GitHub and in what Hublink stored.
  await emulatorControl.expire("octocat");
  await appDatabase().gitHubConnection.updateMany({
    where: { user: { login: "octocat" } },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
  const before = (await emulatorControl.stats()).refreshes;

  const responses = await Promise.all(Array.from({ length: 16 }, () => page.request.get("/repos")));
  expect(responses.map((r) => r.status())).toEqual(responses.map(() => 200));
  const instances = new Set(responses.map((r) => answeredBy(r.headers()["x-hublink-upstream"])));
  expect(instances.size).toBe(2);
  expect((await emulatorControl.stats()).refreshes).toBe(before + 1);
  await page.goto("/repos");
  await expect(page.getByRole("link", { name: "octocat/hello-world", exact: true })).toBeVisible();
});

test("a revocation webhook reaches one instance; the next page on either sends the person to reconnect", async ({
  page,
  hublink,
}) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.waitForLoadState("load");
  await emulatorControl.revoke("octocat", { clientId: DEMO_GITHUB_APP.clientId });
  await expect
    .poll(
      async () => (await appDatabase().gitHubConnection.findFirst({ where: { user: { login: "octocat" } } }))?.status,
    )
    .toBe("revoked");

  for (let i = 0; i < 2; i++) {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/reconnect\?returnTo=%2Fdashboard$/);
  }
  await page.getByRole("link", { name: "Reconnect GitHub" }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("banner").getByText("Connected")).toBeVisible();
});

test("installing the GitHub App comes back through either instance and is stored once", async ({ page, hublink }) => {
  await hublink.signIn("octocat");
  await hublink.connect("octocat");
  await page.goto("/settings/connections");
  await page.getByRole("button", { name: "Install GitHub App" }).click();
  await page.getByRole("link", { name: "octo-org", exact: true }).click();
  await page.getByLabel("All repositories").check();
  await page.getByRole("button", { name: "Install" }).click();
  await expect(page).toHaveURL(/\/settings\/connections$/);
  const installations = page.getByRole("list", { name: "Installations" });
  await expect(installations.getByText("octo-org", { exact: true })).toBeVisible();
  // The setup redirect and the installation.created webhook may reach different instances.
  await expect.poll(() => appDatabase().installation.count({ where: { accountLogin: "octo-org" } })).toBe(1);
});

/** A request to one instance directly whose body arrives slowly: in flight for `ms`. */
function slowRequest(port: number, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/github/webhooks",
        headers: { "transfer-encoding": "chunked" },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.write('{"action":');
    setTimeout(() => request.end('"x"}'), ms);
  });
}

// Last: it stops an instance.
test("SIGTERM: the instance finishes its request in flight and stops; the load balancer moves on", async ({
  request,
}) => {
  const [stopping, staying] = clusterInstances();
  const inFlight = slowRequest(stopping!.port, 1500);
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.kill(stopping!.pid, "SIGTERM");

  // Answered, not cut off (401: the body carries no signature).
  expect(await inFlight).toBe(401);
  await expect.poll(() => readFileSync(instanceLog(stopping!.port), "utf8")).toContain('"msg":"shut down"');
  const log = readFileSync(instanceLog(stopping!.port), "utf8");
  expect(log).toContain('"msg":"background jobs stopped"');
  // Once serving, everything the instance wrote — its requests, Next's own messages — is a JSON line.
  const lines = log.slice(log.indexOf("{")).trim().split("\n");
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines)
    expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
  expect(lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "request").length).toBeGreaterThan(5);

  const answers = await Promise.all(Array.from({ length: 6 }, () => request.get("/api/health/ready")));
  expect(answers.map((r) => r.status())).toEqual(answers.map(() => 200));
  expect(new Set(answers.map((r) => answeredBy(r.headers()["x-hublink-upstream"])))).toEqual(
    new Set([`127.0.0.1:${staying!.port}`]),
  );
});
