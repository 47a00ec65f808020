import { beforeAll, describe, expect, it } from "vitest";

let signInstallState: typeof import("@/lib/github/installations/install-state").signInstallState;
let verifyInstallState: typeof import("@/lib/github/installations/install-state").verifyInstallState;

beforeAll(async () => {
  Object.assign(process.env, {
    AUTH_SECRET: "a".repeat(32),
    SESSION_SECRET: "install-state-test-secret-0123456789",
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  });
  ({ signInstallState, verifyInstallState } = await import("@/lib/github/installations/install-state"));
});

describe("installation state", () => {
  it("round-trips who started the installation and where to return", async () => {
    const { state, binding } = await signInstallState("user-1", "/repos?sort=updated");
    await expect(verifyInstallState(state, binding)).resolves.toMatchObject({
      userId: "user-1",
      returnTo: "/repos?sort=updated",
      action: "install",
    });
  });

  it("never carries an off-site returnTo", async () => {
    const { state, binding } = await signInstallState("user-1", "//evil.example");
    expect((await verifyInstallState(state, binding))?.returnTo).toBe("/dashboard");
  });

  it("expires after ten minutes", async () => {
    const issued = Date.now() - 11 * 60 * 1000;
    const { state, binding } = await signInstallState("user-1", "/dashboard", issued);
    await expect(verifyInstallState(state, binding, issued + 9 * 60 * 1000)).resolves.not.toBeNull();
    await expect(verifyInstallState(state, binding)).resolves.toBeNull();
  });

  it("rejects a tampered or foreign token", async () => {
    const { state, binding } = await signInstallState("user-1", "/dashboard");
    const [header, payload, signature] = state.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "user-2" })).toString("base64url");
    await expect(verifyInstallState(`${header}.${forged}.${signature}`, binding)).resolves.toBeNull();
    await expect(verifyInstallState("not-a-jwt", binding)).resolves.toBeNull();
    // An unsigned token ("alg": "none") is not accepted.
    const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    await expect(verifyInstallState(`${none}.${payload}.`, binding)).resolves.toBeNull();
  });

  it("is bound to the browser that started the installation", async () => {
    const mine = await signInstallState("attacker", "/dashboard");
    const theirs = await signInstallState("attacker", "/dashboard");
    // Another browser's cookie, or none at all (an attacker's state replayed in a victim's browser).
    await expect(verifyInstallState(mine.state, theirs.binding)).resolves.toBeNull();
    await expect(verifyInstallState(mine.state, undefined)).resolves.toBeNull();
    await expect(verifyInstallState(mine.state, mine.binding)).resolves.not.toBeNull();
  });
});
