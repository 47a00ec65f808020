// Which Chromium Playwright drives: its own build where `npx playwright install` could fetch one,
// otherwise the system's (Debian's `chromium` on our machines, which cannot download browsers).
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumLaunchOptions() {
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return {};
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  if (!system) {
    throw new Error(
      "No Chromium found: run `npx playwright install chromium`, or on Debian `apt-get install chromium`.",
    );
  }
  return {
    executablePath: system,
    // Debian's build, run as root in a sandbox-less container, on a machine without internet.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
