import { Webhooks } from "@octokit/webhooks";
import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS as APPS, SEEDED_INSTALLATION_ID } from "../src/index";
import { assertMatchesSchema } from "./openapi-schemas";
import {
  Browser,
  emulatorControl,
  exchange,
  hiddenInputs,
  useEmulatorWithReceiver,
  type ReceivedWebhook,
} from "../src/testing";

const world = useEmulatorWithReceiver();
const control = () => emulatorControl(world.emu.url);

const webhooks = new Webhooks({ secret: APPS.githubApp.webhookSecret });
async function verified(w: ReceivedWebhook): Promise<ReceivedWebhook> {
  expect(await webhooks.verify(w.body, String(w.headers["x-hub-signature-256"]))).toBe(true);
  return w;
}

/** Walks the installation pages as `login`: account picker → repositories → the submit button. */
async function install(login: string, account: string, opts: { select?: string[]; expectButton?: string } = {}) {
  const b = new Browser(world.emu.url);
  const start = `/apps/${APPS.githubApp.slug}/installations/new?state=inst-state`;
  const signInPage = await (await b.get(start)).text();
  expect(signInPage).toContain(`value="${login}">${login}</button>`);
  const back = await b.request("POST", "/session", { return_to: hiddenInputs(signInPage).return_to ?? "", login });
  const picker = await (await b.get(back.headers.get("location") ?? "")).text();
  const link = new RegExp(`<a href="([^"]+)">${account}</a>`).exec(picker)?.[1]?.replace(/&#38;/g, "&");
  expect(link, picker).toBeTruthy();
  const repoPage = await (await b.get(link ?? "")).text();
  const button = /<button type="submit" class="primary">(\w+)<\/button>/.exec(repoPage)?.[1];
  if (opts.expectButton) expect(button).toBe(opts.expectButton);
  const form = new URLSearchParams(hiddenInputs(repoPage));
  form.set("repository_selection", opts.select ? "selected" : "all");
  for (const name of opts.select ?? []) {
    const id = world.emu.state.repo(account, name)?.id;
    form.append("repository_ids", String(id));
  }
  const res = await b.request("POST", `/apps/${APPS.githubApp.slug}/installations`, form);
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

describe("installing the GitHub App", () => {
  it("installs on the user's own account: setup URL with installation_id, install, state and a usable code", async () => {
    const to = await install("hubot", "hubot", { expectButton: "Install" });
    expect(`${to.origin}${to.pathname}`).toBe(`${world.appUrl}/callback`);
    expect(to.searchParams.get("setup_action")).toBe("install");
    expect(to.searchParams.get("state")).toBe("inst-state");
    const id = Number(to.searchParams.get("installation_id"));
    const tokens = await exchange(world.emu, {
      client_id: APPS.githubApp.clientId,
      client_secret: APPS.githubApp.clientSecret,
      code: to.searchParams.get("code") ?? "",
    });
    expect(tokens.access_token).toMatch(/^ghu_/);
    const list = await fetch(`${world.emu.apiUrl}/user/installations`, {
      headers: { authorization: `Bearer ${String(tokens.access_token)}` },
    });
    expect(((await list.json()) as { installations: { id: number }[] }).installations.map((i) => i.id)).toEqual([id]);

    const hook = await verified(await world.receiver.waitFor((w) => w.event === "installation"));
    expect(hook.payload).toMatchObject({ action: "created", requester: null, sender: { login: "hubot" } });
    const inst = hook.payload.installation as Record<string, unknown>;
    expect(inst).toMatchObject({
      id,
      app_id: APPS.githubApp.id,
      app_slug: APPS.githubApp.slug,
      target_type: "User",
      repository_selection: "all",
      suspended_at: null,
    });
    assertMatchesSchema("get", "/user/installations", { total_count: 1, installations: [inst] });
    expect((hook.payload.repositories as { full_name: string }[]).map((r) => r.full_name).sort()).toEqual([
      "hubot/hubot-scripts",
      "hubot/private-notes",
    ]);
  });

  it("lets an org admin install on the org", async () => {
    const to = await install("octocat", "octo-org", { expectButton: "Install", select: ["octo-infra"] });
    expect(to.searchParams.get("setup_action")).toBe("install");
    const hook = await world.receiver.waitFor((w) => w.event === "installation");
    expect(hook.payload).toMatchObject({
      action: "created",
      installation: { target_type: "Organization", repository_selection: "selected", account: { login: "octo-org" } },
    });
    expect((hook.payload.repositories as { name: string }[]).map((r) => r.name)).toEqual(["octo-infra"]);
  });

  it("turns a non-admin's install into a request; approval installs and names the requester", async () => {
    const to = await install("hubot", "octo-org", { expectButton: "Request" });
    expect(to.searchParams.get("setup_action")).toBe("request");
    expect(to.searchParams.get("installation_id")).toBeNull();
    expect(to.searchParams.get("state")).toBe("inst-state");
    expect(to.searchParams.get("code")).toBeTruthy();
    const { requests } = await control().installationRequests();
    expect(requests).toMatchObject([{ account: "octo-org", requester: "hubot" }]);
    expect(world.receiver.received).toHaveLength(0);

    const approved = await control().approveInstallationRequest(requests[0]?.id ?? 0);
    const hook = await verified(await world.receiver.waitFor((w) => w.event === "installation"));
    expect(hook.payload).toMatchObject({
      action: "created",
      requester: { login: "hubot" },
      sender: { login: "octocat" },
      installation: { id: approved.installation_id },
    });
    expect((await control().installationRequests()).requests).toEqual([]);
  });

  it("updates an existing installation: setup_action=update and installation_repositories removed", async () => {
    const to = await install("octocat", "octocat", { expectButton: "Save", select: ["hello-world"] });
    expect(to.searchParams.get("setup_action")).toBe("update");
    expect(to.searchParams.get("installation_id")).toBe(String(SEEDED_INSTALLATION_ID));
    const hook = await verified(await world.receiver.waitFor((w) => w.event === "installation_repositories"));
    expect(hook.payload).toMatchObject({ action: "removed", repository_selection: "selected", repositories_added: [] });
    expect((hook.payload.repositories_removed as { name: string }[]).map((r) => r.name).sort()).toEqual([
      "secret-plans",
      "spoon-knife",
    ]);
  });
});

describe("installation control endpoints", () => {
  it("suspends, unsuspends and deletes with the matching webhooks", async () => {
    await control().suspend(SEEDED_INSTALLATION_ID);
    await control().unsuspend(SEEDED_INSTALLATION_ID);
    await control().uninstall(SEEDED_INSTALLATION_ID);
    for (const action of ["suspend", "unsuspend", "deleted"]) {
      const hook = await world.receiver.waitFor((w) => w.event === "installation" && w.payload.action === action);
      expect(hook.payload.sender).toMatchObject({ login: "octocat" });
    }
    expect((await control().installations()).installations).toEqual([]);
    expect((await control().stats()).webhooks).toMatchObject({ ok: 3, failed: 0 });
  });
});
