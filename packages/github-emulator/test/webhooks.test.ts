import { describe, expect, it } from "vitest";
import { DEMO, signWebhookBody, type EmulatorStats } from "../src/index";
import { control, startTestEmulator, useEmulatorWithReceiver } from "../src/testing/helpers";
import { settleDeliveries } from "../src/webhooks";

describe("signWebhookBody", () => {
  it("matches GitHub's published test vector", () => {
    expect(signWebhookBody("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });
});

describe("delivery retries", () => {
  let answers: number[] = [];
  const world = useEmulatorWithReceiver({ status: () => answers.shift() ?? 200, emulator: { webhookRetryDelaysMs: [20, 40] } });

  const webhookStats = async () => ((await control(world.emu, "GET", "/stats")) as unknown as EmulatorStats).webhooks;

  it("retries a failed delivery and counts it ok once it lands", async () => {
    answers = [500, 503];
    await control(world.emu, "POST", "/installations/4200001/suspend");
    await settleDeliveries();
    expect(world.receiver.received).toHaveLength(3);
    expect(new Set(world.receiver.received.map((r) => r.headers["x-github-delivery"])).size).toBe(1);
    expect(await webhookStats()).toMatchObject({ ok: 1, failed: 0, deliveries: [{ event: "installation", action: "suspend", status: 200, attempts: 3 }] });
  });

  it("gives up after three attempts and counts a failure", async () => {
    answers = [500, 500, 500];
    await control(world.emu, "POST", "/installations/4200001/suspend");
    await settleDeliveries();
    expect(await webhookStats()).toMatchObject({ ok: 0, failed: 1, deliveries: [{ status: 500, attempts: 3 }] });
  });

  it("counts connection errors as failures", async () => {
    const dead = await startTestEmulator({ appUrl: "http://127.0.0.1:9", webhookRetryDelaysMs: [10, 10] });
    try {
      await fetch(`${dead.url}/_emulator/installations/4200001/suspend`, { method: "POST" });
      await settleDeliveries();
      expect(dead.state.stats.webhooks).toMatchObject({ ok: 0, failed: 1, deliveries: [{ status: null, attempts: 3 }] });
      expect(dead.state.apps.githubApp.webhookSecret).toBe(DEMO.githubApp.webhookSecret);
    } finally {
      await dead.stop();
    }
  });
});
