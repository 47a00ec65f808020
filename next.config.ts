import type { NextConfig } from "next";
import { getEnv } from "./lib/config/env";

// Fail the build (and `next dev`) on a bad configuration, with the message that names the variable.
// SKIP_ENV_VALIDATION=1 builds without it, e.g. an image whose secrets arrive only at run time.
if (!process.env.SKIP_ENV_VALIDATION) getEnv();

const nextConfig: NextConfig = {
  // Native and pooled database drivers stay plain Node requires, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "prom-client",
  ],
  // Logging and metrics keep their state on globalThis, shared with the production server
  // (scripts/server.ts); plain requires keep one copy of each library in the process.
  // (pino and pino-pretty are on Next's own list.)
  poweredByHeader: false,
};

export default nextConfig;
