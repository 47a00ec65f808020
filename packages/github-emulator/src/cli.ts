import { DEMO, startEmulator } from "./index";

// `npm run emulator`: the GitHub emulator on 127.0.0.1:${GITHUB_EMULATOR_PORT:-4010}.
// This CLI is the emulator's own entry point; it reads its two variables here rather than through lib/env.ts.

const port = Number.parseInt(process.env.GITHUB_EMULATOR_PORT ?? "4010", 10);
const appUrl = process.env.GITHUB_EMULATOR_APP_URL || "http://localhost:3000";

const emulator = await startEmulator({ port, host: "127.0.0.1", appUrl });

console.log(
  `GitHub emulator ready at ${emulator.url} (REST ${emulator.apiUrl}) for app ${appUrl} — ` +
    `sign-in OAuth app ${DEMO.signIn.clientId}/${DEMO.signIn.clientSecret}, ` +
    `connect OAuth app ${DEMO.connect.clientId}/${DEMO.connect.clientSecret}, ` +
    `GitHub App ${DEMO.githubApp.slug} (id ${DEMO.githubApp.id}) ${DEMO.githubApp.clientId}/${DEMO.githubApp.clientSecret}, ` +
    `webhook secret ${DEMO.githubApp.webhookSecret} (demo values)`,
);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Pending webhook retries should not hold the terminal hostage.
  const timer = setTimeout(() => process.exit(0), 3000);
  timer.unref();
  await emulator.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
