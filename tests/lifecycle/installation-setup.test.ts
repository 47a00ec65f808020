// GitHub App setup redirects under attack, against the emulator and a real database: a stolen
// install-time code presented with the attacker's own (valid, browser-bound) state, a state replayed
// in another browser, and a request replayed again and again. Nothing may be stored for any of them.
import { authorize, Browser } from "@hublink/github-emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GITHUB_APP } from "@/lib/config/demo";
import { providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

type Lib = {
  signInstallState: typeof import("@/lib/github/installations/install-state").signInstallState;
  completeInstallationSetup: typeof import("@/lib/github/installations/setup").completeInstallationSetup;
};

describe.each(providers)("GitHub App setup callback on %s", (provider) => {
  let world: LifecycleWorld;
  let lib: Lib;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    lib = {
      ...(await import("@/lib/github/installations/install-state")),
      ...(await import("@/lib/github/installations/setup")),
    };
  });
  afterAll(async () => world?.stop());

  /** A Hublink person signed in with GitHub as `login` (Auth.js keeps GitHub's id in Account). */
  async function signedIn(login: string) {
    const user = await world.inspect.user.create({ data: { login, email: `${login}-${Math.random()}@example.com` } });
    const githubId = world.emulator.state.account(login)!.id;
    await world.inspect.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: String(githubId) },
    });
    return user;
  }

  /** An install-time code GitHub issued to `login` for Hublink's App — what a victim's setup redirect carries. */
  async function codeOf(login: string) {
    const result = await authorize(
      new Browser(world.emulator.url),
      { client_id: DEMO_GITHUB_APP.clientId, state: "x" },
      { login },
    );
    return result.code!;
  }

  const nothingStoredFor = async (userId: string) => {
    expect(await world.inspect.gitHubConnection.count({ where: { userId } })).toBe(0);
    expect(await world.inspect.installationRequest.count({ where: { userId } })).toBe(0);
  };

  it("refuses a victim's stolen code presented with the attacker's own state: nothing is connected", async () => {
    await world.control.reset();
    const attacker = await signedIn("hubot");
    const { state, binding } = await lib.signInstallState(attacker.id, "/dashboard");
    const stolen = await codeOf("octocat");
    const outcome = await lib.completeInstallationSetup(
      { setupAction: "install", installationId: "4200001", state, code: stolen },
      attacker.id,
      binding,
    );
    expect(outcome).toEqual({ kind: "problem", problem: "identity_mismatch", account: "octocat" });
    await nothingStoredFor(attacker.id);
  });

  it("refuses a state replayed in a browser that did not start the installation", async () => {
    await world.control.reset();
    const attacker = await signedIn("monalisa");
    const { state } = await lib.signInstallState(attacker.id, "/dashboard");
    const elsewhere = await lib.signInstallState(attacker.id, "/dashboard");
    for (const binding of [undefined, elsewhere.binding]) {
      const outcome = await lib.completeInstallationSetup(
        { setupAction: "request", installationId: null, state, code: null },
        attacker.id,
        binding,
      );
      expect(outcome).toEqual({ kind: "problem", problem: "install_state_invalid" });
    }
    await nothingStoredFor(attacker.id);
  });

  it("uses a state once: a replayed request adds no second pending request", async () => {
    await world.control.reset();
    const requester = await signedIn("bigcat");
    const { state, binding } = await lib.signInstallState(requester.id, "/dashboard");
    const request = () =>
      lib.completeInstallationSetup(
        { setupAction: "request", installationId: null, state, code: null },
        requester.id,
        binding,
      );
    expect(await request()).toEqual({ kind: "redirect", to: "/dashboard" });
    for (let i = 0; i < 5; i++) expect(await request()).toEqual({ kind: "problem", problem: "install_state_used" });
    expect(await world.inspect.installationRequest.count({ where: { userId: requester.id, status: "pending" } })).toBe(
      1,
    );

    // A new installation attempt while one request is pending does not add another either.
    const again = await lib.signInstallState(requester.id, "/dashboard");
    await lib.completeInstallationSetup(
      { setupAction: "request", installationId: null, state: again.state, code: null },
      requester.id,
      again.binding,
    );
    expect(await world.inspect.installationRequest.count({ where: { userId: requester.id, status: "pending" } })).toBe(
      1,
    );
  });
});
