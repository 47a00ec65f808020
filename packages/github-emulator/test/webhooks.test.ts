import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS as APPS, signWebhookBody } from "../src/index";
import { emulatorControl, startTestEmulator, useEmulatorWithReceiver } from "../src/testing";

describe("signWebhookBody", () => {
  it("matches GitHub's published test vector", () => {
    expect(signWebhookBody("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });
});

describe("delivery retries", () => {
  let answers: number[] = [];
  const world = useEmulatorWithReceiver({
    status: () => answers.shift() ?? 200,
    emulator: { webhookRetryDelaysMs: [20, 40] },
  });

  const webhookStats = async () => (await emulatorControl(world.emu.url).stats()).webhooks;

  it("retries a failed delivery and counts it ok once it lands", async () => {
    answers = [500, 503];
    await emulatorControl(world.emu.url).suspend(4200001);
    await world.emu.settleWebhooks();
    expect(world.receiver.received).toHaveLength(3);
    expect(new Set(world.receiver.received.map((r) => r.headers["x-github-delivery"])).size).toBe(1);
    expect(await webhookStats()).toMatchObject({
      ok: 1,
      failed: 0,
      deliveries: [{ event: "installation", action: "suspend", status: 200, attempts: 3 }],
    });
  });

  it("gives up after three attempts and counts a failure", async () => {
    answers = [500, 500, 500];
    await emulatorControl(world.emu.url).suspend(4200001);
    await world.emu.settleWebhooks();
    expect(await webhookStats()).toMatchObject({ ok: 0, failed: 1, deliveries: [{ status: 500, attempts: 3 }] });
  });

  it("counts connection errors as failures", async () => {
    const dead = await startTestEmulator({ appUrl: "http://127.0.0.1:9", webhookRetryDelaysMs: [10, 10] });
    try {
      await emulatorControl(dead.url).suspend(4200001);
      await dead.settleWebhooks();
      expect(dead.state.stats.webhooks).toMatchObject({
        ok: 0,
        failed: 1,
        deliveries: [{ status: null, attempts: 3 }],
      });
      expect(dead.state.apps.githubApp.webhookSecret).toBe(APPS.githubApp.webhookSecret);
    } finally {
      await dead.stop();
    }
  });
});

describe("pending deliveries belong to their emulator", () => {
  it("stop() of one emulator does not wait for another's retries", async () => {
    const slow = await startTestEmulator({ appUrl: "http://127.0.0.1:9", webhookRetryDelaysMs: [2000, 2000] });
    const quick = await startTestEmulator();
    try {
      await emulatorControl(slow.url).suspend(4200001);
      const start = Date.now();
      await quick.stop();
      expect(Date.now() - start).toBeLessThan(1000);
    } finally {
      await slow.stop();
    }
  }, 10_000);
});
