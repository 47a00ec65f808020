// The one place that reads process.env. Validated with zod; a missing or malformed value
// stops startup with one message that names each variable and says how to fix it.
//
// Not marked server-only: next.config.ts, prisma.config.ts and the scripts import it outside the
// React Server Components bundle. Never import it from a client component.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseTarget } from "../db/target";
import { DEMO_CONNECT_APP, DEMO_EMULATOR_PORT, DEMO_GITHUB_APP, DEMO_SIGN_IN_APP } from "./demo";

export type Env = ReturnType<typeof buildEnv>;
type Source = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Hublink cannot start: its configuration is incomplete or invalid.\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
        "\nSet these in the environment or in .env.local (see README.md, Configuration).",
    );
    this.name = "ConfigError";
  }
}

const GENERATE_SECRET = "generate one with: openssl rand -base64 32";

// t3's emptyStringAsUndefined: `FOO=` in a .env file means "not set".
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().optional());

const httpUrl = (variable: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), {
        message: `must be an http(s) URL such as https://example.com (got a value that is not one)`,
        path: [variable],
      })
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
  );

const secret = (label: string) =>
  optional.refine((v) => v === undefined || v.length >= 32, {
    message: `must be at least 32 characters (${label}); ${GENERATE_SECRET}`,
  });

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  NODE_ENV: optional,
  DATABASE_URL: optional.refine((v) => v === undefined || /^(file:|postgres(ql)?:\/\/)/.test(v), {
    message: "must start with file: (SQLite, e.g. file:./data/hublink.db) or postgresql:// (PostgreSQL)",
  }),
  APP_URL: httpUrl("APP_URL"),
  AUTH_SECRET: secret("Auth.js session secret"),
  SESSION_SECRET: secret("iron-session password for the connect-flow cookie"),
  TOKEN_ENCRYPTION_KEY: optional.refine((v) => v === undefined || parseKeyRing(v) !== null, {
    message: `must be one or more comma-separated base64 keys of exactly 32 bytes each (first encrypts, all decrypt); ${GENERATE_SECRET}`,
  }),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  GITHUB_URL: httpUrl("GITHUB_URL"),
  GITHUB_API_URL: httpUrl("GITHUB_API_URL"),
  GITHUB_CONNECT_CLIENT_ID: optional,
  GITHUB_CONNECT_CLIENT_SECRET: optional,
  GITHUB_CONNECT_SCOPES: optional,
  GITHUB_APP_SLUG: optional.refine((v) => v === undefined || /^[a-z0-9-]+$/.test(v), {
    message: "must be the App's URL slug (lowercase letters, digits and dashes), as in github.com/apps/<slug>",
  }),
  GITHUB_APP_CLIENT_ID: optional,
  GITHUB_APP_CLIENT_SECRET: optional,
  GITHUB_WEBHOOK_SECRET: optional,
  GITHUB_CACHE_MAX_AGE: optional.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 3600), {
    message:
      "must be a whole number of seconds from 0 to 3600: how long a GitHub answer is shown without asking GitHub again (never longer than GitHub's own max-age, 60 s on github.com; 0 revalidates every view)",
  }),
  GITHUB_EMULATOR_PORT: optional.refine((v) => v === undefined || /^\d{2,5}$/.test(v), {
    message: "must be a TCP port number, e.g. 4010",
  }),
  LOG_LEVEL: optional.refine((v) => v === undefined || LOG_LEVELS.includes(v as LogLevel), {
    message: `must be one of ${LOG_LEVELS.join(", ")} (default info)`,
  }),
  METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, {
    message: `must be at least 16 characters: the bearer token Prometheus sends to /api/metrics; ${GENERATE_SECRET}`,
  }),
  HUBLINK_WORKER: optional.refine((v) => v === undefined || v === "on" || v === "off", {
    message: "must be on (run background jobs in this process, the default) or off (run them with npm run worker)",
  }),
});

/** base64 keys of 32 bytes each, or null when any entry is malformed. */
export function parseKeyRing(value: string): Buffer[] | null {
  const keys = value.split(",").map((k) => k.trim());
  const decoded = keys.map((k) => (/^[A-Za-z0-9+/]+={0,2}$/.test(k) ? Buffer.from(k, "base64") : null));
  return decoded.some((k) => k === null || k.length !== 32) ? null : (decoded as Buffer[]);
}

const GITHUB_APP_VARIABLES = [
  "GITHUB_APP_SLUG",
  "GITHUB_APP_CLIENT_ID",
  "GITHUB_APP_CLIENT_SECRET",
  "GITHUB_WEBHOOK_SECRET",
] as const;

/**
 * GitHub's REST base for a web origin: github.com and GHE.com (data residency, `<subdomain>.ghe.com`)
 * serve it on an api. host of their own, GitHub Enterprise Server below /api/v3.
 */
function defaultApiUrl(githubUrl: string): string {
  const { protocol, host } = new URL(githubUrl);
  if (githubUrl === "https://github.com") return "https://api.github.com";
  if (protocol === "https:" && /^[a-z0-9-]+\.ghe\.com$/.test(host)) return `https://api.${host}`;
  return `${githubUrl}/api/v3`;
}

function buildEnv(v: z.infer<typeof schema>) {
  const production = v.NODE_ENV === "production";
  // Demo mode: no sign-in app configured and not production → everything points at the emulator.
  const demoMode = !v.AUTH_GITHUB_ID && !production;
  const problems: { variable: string; message: string }[] = [];
  const required = <T>(variable: string, value: T | undefined, how: string): T => {
    if (value === undefined) problems.push({ variable, message: `is required ${how}` });
    return value as T;
  };
  const demoHint = demoMode ? "(npm run dev writes it to .env.local in demo mode)" : "in production";
  const emulatorOrigin = `http://127.0.0.1:${v.GITHUB_EMULATOR_PORT ?? DEMO_EMULATOR_PORT}`;
  const githubUrl = v.GITHUB_URL ?? (demoMode ? emulatorOrigin : "https://github.com");
  const anyAppVariable = GITHUB_APP_VARIABLES.some((name) => v[name] !== undefined);

  const env = {
    nodeEnv: v.NODE_ENV ?? "development",
    demoMode,
    databaseUrl: v.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    appUrl: production
      ? required("APP_URL", v.APP_URL, "in production: the public base URL, e.g. https://hublink.example.com")
      : (v.APP_URL ?? "http://localhost:3000"),
    authSecret: required("AUTH_SECRET", v.AUTH_SECRET, `${demoHint}; ${GENERATE_SECRET}`),
    sessionSecret: required("SESSION_SECRET", v.SESSION_SECRET, `${demoHint}; ${GENERATE_SECRET}`),
    tokenEncryptionKeys: v.TOKEN_ENCRYPTION_KEY
      ? (parseKeyRing(v.TOKEN_ENCRYPTION_KEY) ?? [])
      : required<Buffer[]>("TOKEN_ENCRYPTION_KEY", undefined, `${demoHint}; ${GENERATE_SECRET}`),
    github: {
      url: githubUrl,
      apiUrl: v.GITHUB_API_URL ?? defaultApiUrl(githubUrl),
      /** Upper bound on GitHub's Cache-Control max-age for serving a stored answer without asking (seconds). */
      cacheMaxAgeSeconds: v.GITHUB_CACHE_MAX_AGE === undefined ? 60 : Number(v.GITHUB_CACHE_MAX_AGE),
    },
    signIn: demoMode
      ? { ...DEMO_SIGN_IN_APP }
      : {
          clientId: required(
            "AUTH_GITHUB_ID",
            v.AUTH_GITHUB_ID,
            "in production: the client ID of the GitHub OAuth app used to sign in",
          ),
          clientSecret: required(
            "AUTH_GITHUB_SECRET",
            v.AUTH_GITHUB_SECRET,
            "with AUTH_GITHUB_ID: that OAuth app's client secret",
          ),
        },
    connect: {
      clientId: v.GITHUB_CONNECT_CLIENT_ID ?? (demoMode ? DEMO_CONNECT_APP.clientId : (v.AUTH_GITHUB_ID ?? "")),
      clientSecret: v.GITHUB_CONNECT_CLIENT_ID
        ? required(
            "GITHUB_CONNECT_CLIENT_SECRET",
            v.GITHUB_CONNECT_CLIENT_SECRET,
            "with GITHUB_CONNECT_CLIENT_ID: that OAuth app's client secret",
          )
        : demoMode
          ? DEMO_CONNECT_APP.clientSecret
          : (v.AUTH_GITHUB_SECRET ?? ""),
      scopes: (v.GITHUB_CONNECT_SCOPES ?? "repo read:org").split(/[\s,]+/).filter(Boolean),
    },
    githubApp: anyAppVariable
      ? {
          slug: required("GITHUB_APP_SLUG", v.GITHUB_APP_SLUG, "when any GITHUB_APP_* variable is set"),
          clientId: required("GITHUB_APP_CLIENT_ID", v.GITHUB_APP_CLIENT_ID, "when any GITHUB_APP_* variable is set"),
          clientSecret: required(
            "GITHUB_APP_CLIENT_SECRET",
            v.GITHUB_APP_CLIENT_SECRET,
            "when any GITHUB_APP_* variable is set",
          ),
          webhookSecret: required(
            "GITHUB_WEBHOOK_SECRET",
            v.GITHUB_WEBHOOK_SECRET,
            "when a GitHub App is configured: the App's webhook secret",
          ),
        }
      : demoMode
        ? { ...DEMO_GITHUB_APP }
        : null,
    ops: {
      logLevel: (v.LOG_LEVEL ?? "info") as LogLevel,
      /** null: /api/metrics answers 404. */
      metricsToken: v.METRICS_TOKEN ?? null,
      /** Whether `npm start` runs the background jobs in its own process. */
      inProcessWorker: v.HUBLINK_WORKER !== "off",
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return env;
}

export function parseEnv(source: Source): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "?"), message: issue.message })),
    );
  }
  return buildEnv(parsed.data);
}

/**
 * Every configured value that must never appear in a log line: the logger replaces each one.
 * Includes the database password and each key of the key ring on its own.
 */
export function secretsOf(env: Env): string[] {
  const databasePassword = URL.canParse(env.databaseUrl) ? decodeURIComponent(new URL(env.databaseUrl).password) : "";
  return [
    env.authSecret,
    env.sessionSecret,
    ...env.tokenEncryptionKeys.map((key) => key.toString("base64")),
    env.signIn.clientSecret,
    env.connect.clientSecret,
    env.githubApp?.clientSecret,
    env.githubApp?.webhookSecret,
    env.ops.metricsToken,
    databasePassword,
  ].filter((value): value is string => typeof value === "string" && value.length > 0);
}

let cached: Env | undefined;
/** The validated configuration of this process (parsed once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Only the database location: what migrations need, without the app's secrets. */
export function getDatabaseUrl(source: Source = process.env): string {
  const url = source.DATABASE_URL || DEFAULT_DATABASE_URL;
  try {
    databaseTarget(url);
  } catch (error) {
    throw new ConfigError([
      { variable: "DATABASE_URL", message: (error as Error).message.replace(/^DATABASE_URL /, "") },
    ]);
  }
  return url;
}
