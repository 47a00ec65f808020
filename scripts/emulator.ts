// `npm run emulator`: the GitHub emulator with Hublink's demo apps on 127.0.0.1:${GITHUB_EMULATOR_PORT:-4010}.
// The app's URL (callbacks, webhooks) is GITHUB_EMULATOR_APP_URL, default http://localhost:3000. It reads
// its two variables here rather than through lib/config/env.ts. (`npx github-emulator` runs it without Hublink's apps.)
import { describeEmulator, startEmulator, stopOnSignals } from "@hublink/github-emulator";
import { DEMO_EMULATOR_PORT, demoEmulatorApps } from "../lib/config/demo";

const port = Number.parseInt(process.env.GITHUB_EMULATOR_PORT ?? String(DEMO_EMULATOR_PORT), 10);
const appUrl = process.env.GITHUB_EMULATOR_APP_URL || "http://localhost:3000";

const emulator = await startEmulator({ port, host: "127.0.0.1", appUrl, apps: demoEmulatorApps(appUrl) });
console.log(`${describeEmulator(emulator)} (Hublink demo apps for ${appUrl}; demo values, not secrets)`);
stopOnSignals(emulator);
