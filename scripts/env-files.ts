// Loads .env, .env.local, .env.<mode>… the way `next dev` / `next start` do, so the scripts that run
// before Next (migrations, the config check) see the same configuration the app will.
import nextEnv from "@next/env";

export function loadEnvFiles(dev: boolean): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}
