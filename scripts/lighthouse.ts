// `npm run lighthouse`: Lighthouse (desktop preset) on the landing page, /dashboard and a repository
// page signed in as octocat, and /repos signed in as bigcat (261 repositories: the longest list and
// pagination), against the production build and the GitHub emulator. Prints the four category
// scores and CLS per page (and what moved, when CLS is too high) and exits 1 when a target is
// missed. `-- --no-build` reuses the last `next build`; `-- --only=name,…` measures only those
// pages. Ports follow E2E_PORT_OFFSET like the browser tests. Not part of CI: the scores depend on
// how busy the machine is.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startEmulator } from "@hublink/github-emulator";
import { demoEmulatorApps } from "../lib/config/demo";
import { sqliteFilePath, sqliteFiles } from "../lib/db/target";
import { chromiumLaunchOptions } from "../e2e/browser";
import { E2E_APP_URL, E2E_EMULATOR_PORT, E2E_EMULATOR_URL, e2eAppEnv } from "../e2e/config";

type Login = "octocat" | "bigcat";
const ALL_PAGES: { name: string; path: string; as: Login | null }[] = [
  { name: "landing", path: "/", as: null },
  { name: "dashboard", path: "/dashboard", as: "octocat" },
  { name: "repository", path: "/repos/octocat/hello-world?tab=pulls", as: "octocat" },
  { name: "bigcat-repos", path: "/repos", as: "bigcat" },
];
// `-- --only=bigcat-repos,dashboard` measures only those pages (to look at one fix at a time).
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const PAGES = only ? ALL_PAGES.filter((p) => only.includes(p.name)) : ALL_PAGES;
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;
const MAX_CLS = 0.02;

async function waitForApp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Signs a person in and connects them the way a person does; returns the Cookie header of the session.
 * bigcat first installs the demo GitHub App on his account (as octocat's seed already has it), so
 * his repositories are visible; installing authorizes the app, so connecting may ask no consent.
 */
async function signIn(login: Login, executablePath: string | undefined): Promise<string> {
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), executablePath });
  const page = await browser.newPage({ baseURL: E2E_APP_URL });
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: login, exact: true }).click();
  await page.getByRole("button", { name: /^Authorize/ }).click();
  await page.waitForURL(`${E2E_APP_URL}/dashboard`);
  if (login === "bigcat") {
    await page.goto(`${E2E_EMULATOR_URL}/apps/hublink-demo/installations/new`);
    await page.getByRole("link", { name: login, exact: true }).click();
    await page.getByRole("button", { name: "Install" }).click();
    await page.waitForURL(`${E2E_APP_URL}/**`);
  }
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Connect GitHub" }).click();
  const connected = page.getByText(`Connected as @${login}`);
  const authorize = page.getByRole("button", { name: /^Authorize/ });
  await authorize.or(connected).first().waitFor();
  if (await authorize.isVisible()) await authorize.click();
  await connected.waitFor();
  const cookies = await page.context().cookies(E2E_APP_URL);
  await browser.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** What moved, from Lighthouse's layout-shifts audit: each shift's score and the element it moved. */
function shiftedElements(details: unknown): string[] {
  const items = (details as { items?: { score?: number; node?: { selector?: string; snippet?: string } }[] })?.items;
  return (items ?? []).map((i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.selector ?? "?"} ${i.node?.snippet ?? ""}`);
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, ...e2eAppEnv } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  mkdirSync("data", { recursive: true });
  for (const part of sqliteFiles(sqliteFilePath(e2eAppEnv.DATABASE_URL!))) rmSync(part, { force: true });
  const emulator = await startEmulator({
    port: E2E_EMULATOR_PORT,
    appUrl: E2E_APP_URL,
    apps: demoEmulatorApps(E2E_APP_URL),
  });
  const app = spawn("npm", ["start"], { env: { ...process.env, ...e2eAppEnv }, stdio: "ignore", detached: true });
  const executablePath = chromiumLaunchOptions().executablePath ?? chromium.executablePath();
  let failed = false;
  try {
    await waitForApp(`${E2E_APP_URL}/`);
    const cookies: Record<Login, string> = {
      octocat: await signIn("octocat", executablePath),
      bigcat: await signIn("bigcat", executablePath),
    };
    const chrome = await chromeLauncher.launch({
      chromePath: executablePath,
      chromeFlags: ["--headless=new", ...(chromiumLaunchOptions().args ?? [])],
    });
    try {
      console.log("page          perf  a11y  best  seo   CLS");
      for (const { name, path, as } of PAGES) {
        const url = `${E2E_APP_URL}${path}`;
        const cookie = as ? cookies[as] : null;
        await fetch(url, { headers: cookie ? { cookie } : {} }); // first render of a route compiles nothing, but warms caches
        const result = await lighthouse(
          url,
          { port: chrome.port, logLevel: "error", extraHeaders: cookie ? { Cookie: cookie } : undefined },
          desktopConfig,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { categories, audits, runtimeError } = result.lhr;
        // Lighthouse could not measure the page (it reports every score 0 then): say why, not just 0.
        if (runtimeError) {
          failed = true;
          console.log(`${name.padEnd(13)} not measured: ${runtimeError.code} ${runtimeError.message}`);
          continue;
        }
        const score = (id: keyof typeof TARGETS) => Math.round((categories[id]?.score ?? 0) * 100);
        const cls = audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
        const scores = Object.keys(TARGETS).map((id) => score(id as keyof typeof TARGETS));
        console.log(`${name.padEnd(13)} ${scores.map((s) => String(s).padEnd(5)).join(" ")} ${cls.toFixed(3)}`);
        for (const [id, target] of Object.entries(TARGETS)) {
          if (score(id as keyof typeof TARGETS) >= target) continue;
          failed = true;
          const category = categories[id];
          const failing = (category?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]?.displayValue})` : ""}`);
          console.log(`  ${id} below ${target}: ${failing.join(", ")}`);
        }
        if (!(cls <= MAX_CLS)) {
          failed = true;
          console.log(`  CLS above ${MAX_CLS}: ${shiftedElements(audits["layout-shifts"]?.details).join("; ")}`);
        }
      }
    } finally {
      chrome.kill();
    }
  } finally {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    await emulator.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
