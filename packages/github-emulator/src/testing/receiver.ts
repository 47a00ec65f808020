import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { EmulatorOptions, RunningEmulator } from "../index";
import { emulatorControl } from "./control";
import { startTestEmulator } from "./start";

// A local webhook receiver, and a vitest harness that points an emulator's apps at it.

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A tiny local HTTP receiver for webhook deliveries; `status` decides what it answers. */
export async function startWebhookReceiver(status: () => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        headers: req.headers,
        body,
        event: String(req.headers["x-github-event"]),
        payload: JSON.parse(body) as Record<string, unknown>,
      });
      res.writeHead(status()).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return {
    url,
    received,
    async waitFor(predicate: (w: ReceivedWebhook) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(
            `webhook not received; got ${received.map((r) => `${r.event}.${String(r.payload.action)}`).join(", ")}`,
          );
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * For a test file: an emulator whose app URL is a local webhook receiver, started once, reset (and
 * the receiver emptied) before each test. `status` answers each delivery (default 200). `emulator` may be
 * a function of the receiver's origin, to build apps whose webhook URL points at it.
 */
export function useEmulatorWithReceiver(
  options: { status?: () => number; emulator?: EmulatorOptions | ((appUrl: string) => EmulatorOptions) } = {},
) {
  const world = {} as { emu: RunningEmulator; receiver: WebhookReceiver; appUrl: string };
  beforeAll(async () => {
    world.receiver = await startWebhookReceiver(options.status);
    world.appUrl = new URL(world.receiver.url).origin;
    const extra = typeof options.emulator === "function" ? options.emulator(world.appUrl) : options.emulator;
    world.emu = await startTestEmulator({ appUrl: world.appUrl, ...extra });
  });
  afterAll(async () => {
    await world.emu?.stop();
    await world.receiver?.close();
  });
  beforeEach(async () => {
    await emulatorControl(world.emu.url).reset();
    world.receiver.received.length = 0;
  });
  return world;
}
