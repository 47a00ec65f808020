// `npm run bench`: the dashboard under load, against the GitHub emulator with latency L. Starts the
// production build (one instance on SQLite; two on PostgreSQL when DATABASE_URL names one), signs in
// N people, runs the scenarios for each variant one after another and prints one table.
// Options (flags or environment): --latency=400 (BENCH_LATENCY_MS), --people=4 (BENCH_PEOPLE),
// --port-offset=20 (BENCH_PORT_OFFSET: apps on 3200+offset…, the emulator on 4200+offset),
// --baseline=DIR (BENCH_BASELINE: another built checkout, e.g. main, measured as "before"),
// --build (build first; also done when there is no build), --short (CI: few views, asserts counts).
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmulator } from "@hublink/github-emulator";
import { emulatorControl } from "@hublink/github-emulator/testing";
import { e2eAppEnv } from "../e2e/config";
import { demoEmulatorApps } from "../lib/config/demo";
import { createPrismaClient } from "../lib/db/create-client";
import { sqliteFiles } from "../lib/db/target";
import { runVariant, type Instance, type Variant } from "./bench/scenarios";
import { checkShortRun, printTable } from "./bench/report";
import { chartSvg } from "./bench/chart";

const flag = (name: string, variable: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? process.env[variable] ?? fallback;
const short = process.argv.includes("--short");
const latency = Number(flag("latency", "BENCH_LATENCY_MS", short ? "100" : "400"));
const peopleCount = Number(flag("people", "BENCH_PEOPLE", short ? "2" : "4"));
const offset = Number(flag("port-offset", "BENCH_PORT_OFFSET", "0"));
const baseline = flag("baseline", "BENCH_BASELINE", "");
const postgresUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null;
const root = process.cwd();
const execFileAsync = promisify(execFile);
const LOGINS = ["octocat", "hubot", "monalisa", "bigcat"];
if (peopleCount < 1 || peopleCount > LOGINS.length) throw new Error(`--people must be 1 to ${LOGINS.length}`);

function build(dir: string) {
  if (existsSync(path.join(dir, ".next", "BUILD_ID")) && !process.argv.includes("--build")) return;
  console.log(`bench: building ${dir}`);
  const result = spawnSync("npx", ["next", "build"], {
    cwd: dir,
    stdio: "inherit",
    env: { ...process.env, ...e2eAppEnv, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed in ${dir}`);
}

async function waitUntilUp(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app at ${url} exited (${child.exitCode}); see data/bench-*.log`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app at ${url} did not start`);
}

/** A fresh database per variant: a SQLite file, or a schema of its own in DATABASE_URL's PostgreSQL. */
async function freshDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) {
    const file = path.join(root, "data", `bench-${name}.db`);
    const remove = () => sqliteFiles(file).forEach((part) => rmSync(part, { force: true }));
    remove();
    return { url: `file:${file}`, drop: async () => remove() };
  }
  const schema = `bench_${name}_${randomBytes(4).toString("hex")}`;
  const url = new URL(postgresUrl);
  url.searchParams.set("schema", schema);
  const drop = async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  };
  return { url: url.toString(), drop };
}

async function main() {
  mkdirSync(path.join(root, "data"), { recursive: true });
  const variants: Variant[] = [
    ...(baseline ? [{ name: "before", label: "before (baseline build)", dir: path.resolve(baseline), env: {} }] : []),
    { name: "after", label: "Hublink", dir: root, env: {} },
    { name: "nocache", label: "Hublink, GITHUB_CACHE_MAX_AGE=0", dir: root, env: { GITHUB_CACHE_MAX_AGE: "0" } },
  ];
  for (const variant of variants) build(variant.dir);

  const appPort = (variant: number, instance: number) => 3200 + offset + variant * 2 + instance;
  const emulator = await startEmulator({
    port: 4200 + offset,
    apps: demoEmulatorApps(`http://localhost:${appPort(0, 0)}`),
    webhookRetryDelaysMs: [],
  });
  const control = emulatorControl(emulator.url);
  const logins = LOGINS.slice(0, peopleCount);
  const results = [];
  const load = () => spawnSync("cat", ["/proc/loadavg"]).stdout?.toString().split(" ").slice(0, 3).join(" ") ?? "?";
  console.log(
    `bench: L=${latency} ms, ${peopleCount} people, ${postgresUrl ? "PostgreSQL, two app instances" : "SQLite, one app instance"}, load average ${load()}`,
  );

  for (const [index, variant] of variants.entries()) {
    const database = await freshDatabase(variant.name);
    const instances: Instance[] = [];
    const children: ChildProcess[] = [];
    try {
      for (let i = 0; i < (postgresUrl ? 2 : 1); i++) {
        const port = appPort(index, i);
        const url = `http://localhost:${port}`;
        const env = {
          ...process.env,
          ...e2eAppEnv,
          APP_URL: url,
          PORT: String(port),
          DATABASE_URL: database.url,
          GITHUB_URL: emulator.url,
          ...variant.env,
        };
        const log = openSync(path.join(root, "data", `bench-${port}.log`), "w");
        const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
          cwd: variant.dir,
          env,
          stdio: ["ignore", log, log],
          detached: true,
        });
        children.push(child);
        await waitUntilUp(url, child);
        instances.push({ url, env });
      }
      await control.reset();
      // Asynchronously: the emulator answering the seeding runs in this process.
      const seeded = await execFileAsync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/bench/seed.ts", emulator.url, ...logins],
        { cwd: root, env: instances[0]!.env, encoding: "utf8" },
      );
      const people = JSON.parse(seeded.stdout) as { login: string; userId: string; sessionToken: string }[];
      const inspect = createPrismaClient(database.url);
      try {
        console.log(`bench: ${variant.label}`);
        results.push({
          variant,
          rows: await runVariant({
            variant,
            instances,
            people,
            control,
            inspect,
            latency,
            short,
            apiUrl: emulator.apiUrl,
          }),
        });
      } finally {
        await inspect.$disconnect();
      }
    } finally {
      for (const child of children) if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      await database.drop();
    }
  }
  await emulator.stop();

  printTable(results, { latency, people: peopleCount, postgres: postgresUrl !== null, load: load() });
  mkdirSync(path.join(root, "reports"), { recursive: true });
  writeFileSync(
    path.join(root, "reports", "bench.json"),
    JSON.stringify(
      results.map((r) => ({ variant: r.variant.label, rows: r.rows.map((row) => ({ ...row, all: undefined })) })),
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(root, "reports", "bench.svg"),
    chartSvg(
      results,
      `Dashboard, p50 full page in ms (tick: panels in): GitHub latency ${latency} ms, ${peopleCount} people, ${postgresUrl ? "PostgreSQL, two instances" : "SQLite"}`,
    ),
  );
  if (short) {
    const problems = checkShortRun(results.find((r) => r.variant.name === "after")!.rows);
    if (problems.length) {
      console.error(`bench --short: FAILED\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    console.log("bench --short: counts as required");
  }
}

await main();
