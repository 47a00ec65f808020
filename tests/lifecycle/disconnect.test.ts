// Disconnecting: the grant is revoked at GitHub with the credentials of the app the connection was
// made through, the tokens are forgotten here whatever GitHub said, and the person is told whether
// GitHub confirmed the revocation — never more than GitHub said.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectedUser, providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

describe.each(providers)("disconnect on %s", (provider) => {
  let world: LifecycleWorld;
  let disconnect: typeof import("@/lib/github/connection/disconnect").disconnect;
  let accessTokenOf: typeof import("@/lib/github/connection/store").accessTokenOf;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    ({ disconnect } = await import("@/lib/github/connection/disconnect"));
    ({ accessTokenOf } = await import("@/lib/github/connection/store"));
  });
  afterAll(async () => world?.stop());

  /** What GitHub answers the stored token now: 200 while the grant lives, 401 once it is revoked. */
  async function githubAnswersWith(token: string) {
    return (await fetch(`${world.emulator.apiUrl}/user`, { headers: { authorization: `token ${token}` } })).status;
  }

  async function connectedAs(login: string, kind: "github_app" | "oauth_app") {
    await world.control.reset();
    const user = await connectedUser(world, login, { kind });
    const stored = await world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId: user.id } });
    const token = accessTokenOf(stored)!;
    expect(await githubAnswersWith(token)).toBe(200);
    return { user, token };
  }

  // Both apps are configured (as in production with a GitHub App and an older OAuth-app connection).
  it("revokes an OAuth-app connection with the OAuth app's credentials, not the GitHub App's", async () => {
    const { user, token } = await connectedAs("octocat", "oauth_app");
    await expect(disconnect(user.id)).resolves.toEqual({ revokedAtGitHub: true });
    expect(await githubAnswersWith(token)).toBe(401);
  });

  it("revokes a GitHub App connection with the App's credentials", async () => {
    const { user, token } = await connectedAs("hubot", "github_app");
    await expect(disconnect(user.id)).resolves.toEqual({ revokedAtGitHub: true });
    expect(await githubAnswersWith(token)).toBe(401);
  });

  it("does not claim a revocation GitHub answered with 404, and still forgets the tokens", async () => {
    const { user } = await connectedAs("monalisa", "oauth_app");
    await world.control.addFault({ method: "DELETE", path: "^/api/v3/applications/[^/]+/grant$", status: 404 });
    await expect(disconnect(user.id)).resolves.toEqual({ revokedAtGitHub: false });
    const stored = await world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ status: "disconnected", accessTokenCiphertext: null, refreshTokenCiphertext: null });
    const event = await world.inspect.connectionEvent.findFirstOrThrow({
      where: { userId: user.id, type: "disconnected" },
    });
    expect(JSON.parse(event.detail)).toEqual({ revokedAtGitHub: false });
  });
});
