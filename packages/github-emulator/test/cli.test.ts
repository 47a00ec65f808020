import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("npm run emulator (main.ts)", () => {
  it("logs one line with its URL and the demo credentials, serves health, exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    // `npx tsx main.ts` without npx: npm itself dies of SIGTERM (exit code null) after forwarding it,
    // which would hide the emulator's own exit code.
    const tsx = fileURLToPath(new URL("../../../node_modules/tsx/dist/cli.mjs", import.meta.url));
    const child = spawn(process.execPath, [tsx, "packages/github-emulator/src/cli.ts"], {
      cwd: root, env: { ...process.env, GITHUB_EMULATOR_PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line; got ${out}`)), 15_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes("\n")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toContain(`http://127.0.0.1:${port}`);
    expect(out).toContain("Ov23liHublinkSignIn01");
    expect(out).toContain("Iv23liHublinkDemoApp1");
    expect(await (await fetch(`http://127.0.0.1:${port}/_emulator/health`)).json()).toEqual({ ok: true });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("starts in well under 300 ms", async () => {
    const start = performance.now();
    const emu = await startEmulator({ port: 0 });
    const elapsed = performance.now() - start;
    await emu.stop();
    expect(elapsed).toBeLessThan(300);
  });
});
