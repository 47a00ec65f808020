// Tokens at rest: each ciphertext is bound to its row and column, so a ciphertext copied into
// another person's row (by someone with write access to the database but not the key) does not
// decrypt there; and rows written in the older, unbound format are re-encrypted at startup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legacySeal } from "../support/legacy-cipher";
import { connectedUser, providers, startLifecycleWorld, type LifecycleWorld } from "../support/lifecycle";

type Store = typeof import("@/lib/github/connection/store");

describe.each(providers)("stored tokens on %s", (provider) => {
  let world: LifecycleWorld;
  let store: Store;
  let githubFor: typeof import("@/lib/github/client").githubFor;

  beforeAll(async () => {
    world = await startLifecycleWorld(provider);
    store = await import("@/lib/github/connection/store");
    ({ githubFor } = await import("@/lib/github/client"));
  });
  afterAll(async () => world?.stop());

  const row = (userId: string) => world.inspect.gitHubConnection.findUniqueOrThrow({ where: { userId } });

  it("a ciphertext copied into another person's row does not decrypt there", async () => {
    await world.control.reset();
    const victim = await connectedUser(world, "octocat");
    const attacker = await connectedUser(world, "hubot");
    const stolen = (await row(victim.id)).accessTokenCiphertext;
    await world.inspect.gitHubConnection.update({
      where: { userId: attacker.id },
      data: { accessTokenCiphertext: stolen },
    });
    expect(() => store.accessTokenOf({ id: attacker.id, accessTokenCiphertext: stolen })).toThrow(
      /cannot be decrypted/,
    );
    // And the attacker's pages cannot act as the victim.
    await expect(githubFor(attacker.id).request("GET /user")).rejects.toThrow(/cannot be decrypted/);
  });

  it("re-encrypts tokens written in the older format, after which they work as before", async () => {
    await world.control.reset();
    const user = await connectedUser(world, "monalisa");
    const before = await row(user.id);
    const access = store.accessTokenOf(before)!;
    const refresh = store.refreshTokenOf(before)!;
    const key = Buffer.from(world.env.TOKEN_ENCRYPTION_KEY!.split(",")[0]!, "base64");
    await world.inspect.gitHubConnection.update({
      where: { userId: user.id },
      data: { accessTokenCiphertext: legacySeal(key, access), refreshTokenCiphertext: legacySeal(key, refresh) },
    });
    expect(() => store.accessTokenOf({ ...before, accessTokenCiphertext: legacySeal(key, access) })).toThrow();

    expect(await store.reencryptStoredTokens()).toBeGreaterThanOrEqual(1);
    const after = await row(user.id);
    expect(after.accessTokenCiphertext).toMatch(/^v2\./);
    expect(store.accessTokenOf(after)).toBe(access);
    expect(store.refreshTokenOf(after)).toBe(refresh);
    expect((await githubFor(user.id).request("GET /user")).data.login).toBe("monalisa");
    // Nothing left to do the second time.
    expect(await store.reencryptStoredTokens()).toBe(0);
  });

  it("a person's first two connections saved at once (two tabs, two instances) leave tokens that decrypt", async () => {
    await world.control.reset();
    const user = await world.inspect.user.create({ data: { login: "hubot", email: `hubot-${Math.random()}@x.test` } });
    const account = world.emulator.state.account("hubot")!;
    const grant = async () => {
      const issued = await world.control.issueToken("hubot");
      return {
        accessToken: issued.access_token,
        accessTokenExpiresAt: new Date(issued.expires_at!),
        refreshToken: issued.refresh_token,
        refreshTokenExpiresAt: new Date(issued.refresh_token_expires_at!),
        scopes: issued.scopes,
      };
    };
    const grants = await Promise.all([grant(), grant()]);
    await Promise.all(grants.map((tokens) => store.saveGrant(user.id, account, tokens, "github_app")));

    const saved = await row(user.id);
    expect([grants[0]!.accessToken, grants[1]!.accessToken]).toContain(store.accessTokenOf(saved));
    expect(store.refreshTokenOf(saved)).toBeTruthy();
    expect((await githubFor(user.id).request("GET /user")).data.login).toBe("hubot");
    const events = await world.inspect.connectionEvent.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => event.type)).toEqual(["connected", "reconnected"]);
  });
});
