import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS, startEmulator } from "../src/index";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Runs bin/github-emulator.mjs (as `npx github-emulator` does) until its first log line. */
async function startCli(args: string[], env: Record<string, string> = {}) {
  // node itself, not npx: npm dies of SIGTERM (exit code null) after forwarding it, hiding the emulator's own exit code.
  const bin = fileURLToPath(new URL("../bin/github-emulator.mjs", import.meta.url));
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
  return { out, exited, stop: () => child.kill("SIGTERM") };
}

describe("npx github-emulator (bin/github-emulator.mjs)", () => {
  it("logs one line with its URL and the default apps' credentials, serves health, exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const cli = await startCli([], { GITHUB_EMULATOR_PORT: String(port) });
    expect(cli.out.trim().split("\n")).toHaveLength(1);
    expect(cli.out).toContain(`http://127.0.0.1:${port}`);
    expect(cli.out).toContain(DEFAULT_CREDENTIALS.oauthApp.clientId);
    expect(cli.out).toContain(DEFAULT_CREDENTIALS.githubApp.clientId);
    expect(await (await fetch(`http://127.0.0.1:${port}/_emulator/health`)).json()).toEqual({ ok: true });
    cli.stop();
    expect(await cli.exited).toBe(0);
  });

  it("registers the apps of an --apps JSON file instead of the defaults", async () => {
    const port = await freePort();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "github-emulator-")), "apps.json");
    const apps = {
      oauthApps: [
        {
          name: "My CLI",
          clientId: "Ov23liMyCli",
          clientSecret: "s3cret",
          callbackUrl: "http://localhost:8000/auth/github",
        },
      ],
      githubApp: {
        id: 77,
        slug: "my-app",
        clientId: "Iv23liMyApp",
        clientSecret: "app-s3cret",
        webhookSecret: "hook",
        webhookUrl: null,
        callbackUrls: ["http://localhost:8000/auth/app"],
      },
    };
    writeFileSync(file, JSON.stringify(apps));
    const cli = await startCli(["--port", String(port), "--apps", file]);
    try {
      expect(cli.out).toContain("Ov23liMyCli");
      expect(cli.out).toContain("my-app (id 77)");
      expect(cli.out).not.toContain(DEFAULT_CREDENTIALS.oauthApp.clientId);
      const authorize = (clientId: string) =>
        fetch(`http://127.0.0.1:${port}/login/oauth/authorize?client_id=${clientId}`, { redirect: "manual" });
      expect((await authorize("Ov23liMyCli")).status).toBe(200);
      expect((await authorize(DEFAULT_CREDENTIALS.oauthApp.clientId)).status).toBe(404);
    } finally {
      cli.stop();
    }
    expect(await cli.exited).toBe(0);
  });

  it("starts in well under 300 ms", async () => {
    const start = performance.now();
    const emu = await startEmulator({ port: 0 });
    const elapsed = performance.now() - start;
    await emu.stop();
    expect(elapsed).toBeLessThan(300);
  });
});
