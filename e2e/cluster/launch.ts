// Starts what the two-instance suite runs against, as one Playwright webServer: the GitHub
// emulator, two production instances (`npm start`, the build in .next) on one fresh PostgreSQL
// schema, and nginx round-robin in front of them. Writes the instances' pids to CLUSTER_STATE so a
// test can stop one; stops everything on SIGTERM/SIGINT.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmulator } from "@hublink/github-emulator";
import { demoEmulatorApps } from "../../lib/config/demo";
import { runMigrations } from "../../lib/db/migrations";
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_CLUSTER_SCHEMA,
  E2E_EMULATOR_PORT,
  E2E_INSTANCE_PORTS,
  e2eAppEnv,
} from "../config";
import { CLUSTER_STATE, instanceLog } from "./state";
import { nginxConfig } from "./nginx";

const children: ChildProcess[] = [];
let stopEmulator = async () => {};

async function freshSchema() {
  const url = new URL(e2eAppEnv.DATABASE_URL!);
  url.searchParams.delete("schema");
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${E2E_CLUSTER_SCHEMA}" CASCADE`);
  await admin.query(`CREATE SCHEMA "${E2E_CLUSTER_SCHEMA}"`);
  await admin.end();
}

async function waitUntilReady(port: number) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`instance on ${port} not ready after 3 minutes (see ${instanceLog(port)})`);
}

async function main() {
  await freshSchema();
  // Once here, so the two instances start at the same time without both applying them.
  runMigrations(e2eAppEnv.DATABASE_URL!, { quiet: true });
  const emulator = await startEmulator({
    port: E2E_EMULATOR_PORT,
    apps: demoEmulatorApps(E2E_APP_URL),
    webhookRetryDelaysMs: [],
  });
  stopEmulator = emulator.stop;

  mkdirSync("data", { recursive: true });
  const pids: number[] = [];
  for (const port of E2E_INSTANCE_PORTS) {
    const log = openSync(instanceLog(port), "w");
    // node itself (not npx), so the pid is the server's and a test can SIGTERM it.
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, ...e2eAppEnv, PORT: String(port) },
      stdio: ["ignore", log, log],
    });
    children.push(child);
    pids.push(child.pid!);
  }

  // nginx (the URL Playwright waits for) starts only once both instances are ready.
  await Promise.all(E2E_INSTANCE_PORTS.map(waitUntilReady));

  const dir = path.resolve("data", `nginx-${E2E_APP_PORT}`);
  for (const sub of ["", "body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(dir, sub), { recursive: true });
  const config = path.join(dir, "nginx.conf");
  writeFileSync(
    config,
    nginxConfig({
      listenPort: E2E_APP_PORT,
      instancePorts: E2E_INSTANCE_PORTS,
      dir,
      runAsRoot: process.getuid?.() === 0,
    }),
  );
  children.push(spawn("nginx", ["-p", dir, "-c", config], { stdio: "inherit" }));
  writeFileSync(
    CLUSTER_STATE,
    JSON.stringify({ instances: E2E_INSTANCE_PORTS.map((port, i) => ({ port, pid: pids[i] })) }),
  );
  console.log(`cluster: nginx on ${E2E_APP_PORT} → ${E2E_INSTANCE_PORTS.join(", ")}; emulator on ${E2E_EMULATOR_PORT}`);
}

async function stop() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await stopEmulator();
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

main().catch((error) => {
  console.error(error);
  void stop().then(() => process.exit(1));
});
