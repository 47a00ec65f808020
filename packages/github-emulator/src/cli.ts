import { parseArgs } from "node:util";
import { readAppsFile } from "./apps-file";
import { describeEmulator, startEmulator, stopOnSignals } from "./index";

// `npx github-emulator`: the emulator on its own, with the default apps or apps from a JSON file.
// Flags win over environment variables.

const USAGE = `Usage: github-emulator [--port 4010] [--host 127.0.0.1] [--app-url http://localhost:3000] [--apps apps.json]

  --port      GITHUB_EMULATOR_PORT      port to listen on (default 4010; 0 picks a free one)
  --host      GITHUB_EMULATOR_HOST      interface to listen on (default 127.0.0.1)
  --app-url   GITHUB_EMULATOR_APP_URL   base URL of your app; the default apps' callback and webhook URLs hang below it
  --apps      GITHUB_EMULATOR_APPS      JSON file with { "oauthApps": [...], "githubApp": {...} } (see README)`;

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "app-url": { type: "string" },
      apps: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number.parseInt(values.port ?? process.env.GITHUB_EMULATOR_PORT ?? "4010", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`not a port: ${values.port ?? process.env.GITHUB_EMULATOR_PORT}`);
  const appsFile = values.apps ?? (process.env.GITHUB_EMULATOR_APPS || undefined);
  return {
    port,
    host: values.host ?? (process.env.GITHUB_EMULATOR_HOST || "127.0.0.1"),
    appUrl: values["app-url"] ?? (process.env.GITHUB_EMULATOR_APP_URL || undefined),
    apps: appsFile ? readAppsFile(appsFile) : undefined,
  };
}

try {
  const emulator = await startEmulator(options());
  console.log(describeEmulator(emulator));
  stopOnSignals(emulator);
} catch (error) {
  console.error(`github-emulator: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
