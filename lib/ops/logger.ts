import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { getEnv, secretsOf, type LogLevel } from "../config/env";
import { createRedactor } from "./redact";
import { requestContext } from "./request-context";

// One JSON line per event on stdout (pino), with the request id of the request being served.
// Redaction happens on the finished line (see redact.ts): tokens and configured secrets never
// reach the output, whatever a call site passes. `npm run dev` prints the same lines prettily.
// Not server-only: the production server (scripts/server.ts) logs outside the Next.js bundle.

export type { Logger };

export type LoggerOptions = {
  level: LogLevel;
  pretty: boolean;
  secrets: readonly string[];
  /** Where lines go; stdout by default. Tests pass a stream to read what was written. */
  destination?: DestinationStream;
};

export function createLogger({ level, pretty: prettyOutput, secrets, destination }: LoggerOptions): Logger {
  const redact = createRedactor(secrets);
  const stream = destination ?? (prettyOutput ? pretty({ sync: true, colorize: true, ignore: "pid,hostname" }) : 1);
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names ("warn"), not numbers, are what people grep for; pino-pretty reads numbers.
      formatters: prettyOutput ? {} : { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = requestContext.getStore()?.requestId;
        return requestId ? { requestId } : {};
      },
      hooks: { streamWrite: redact },
    },
    typeof stream === "number" ? pino.destination({ dest: stream, sync: true }) : stream,
  );
}

const KEY = Symbol.for("hublink.logger");
const holder = globalThis as unknown as Record<typeof KEY, Logger | undefined>;

/** The process's logger, configured from the environment on first use. */
export function logger(): Logger {
  return (holder[KEY] ??= (() => {
    const env = getEnv();
    return createLogger({ level: env.ops.logLevel, pretty: env.nodeEnv === "development", secrets: secretsOf(env) });
  })());
}
