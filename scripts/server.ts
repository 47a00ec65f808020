// The production HTTP server: Next.js's request handler inside a plain Node server, because Next
// offers no hook that sees every request's status and duration or that controls shutdown. It adds:
// - a request id per request (the load balancer's x-request-id when it sent a plain one, otherwise
//   a new one), passed to the app and returned in the response, and on every log line written meanwhile;
// - one JSON log line and one duration observation per request, by route pattern (not raw path);
// - graceful shutdown on SIGTERM/SIGINT: readiness turns 503, no new connections, requests in
//   flight finish (bounded), then the app's shutdown hooks stop the background jobs (releasing their
//   leases) and close the database (lib/ops/startup.ts).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { format } from "node:util";
import next from "next";
import { isDraining, runShutdownHooks, startDraining } from "../lib/ops/lifecycle";
import { logger } from "../lib/ops/logger";
import { metrics } from "../lib/ops/metrics";
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from "../lib/ops/request-context";
import { routePatterns, type RoutesManifest } from "../lib/ops/route-pattern";

/** In-flight requests get this long after SIGTERM; then the rest are cut. Under Kubernetes' default 30 s. */
const DRAIN_TIMEOUT_MS = 15_000;

/** Maps a path to its route pattern (/repos/[owner]/[repo]) from the build's routes manifest. */
function routeMatcher(dir: string): (pathname: string) => string {
  return routePatterns(
    JSON.parse(readFileSync(path.join(dir, ".next", "routes-manifest.json"), "utf8")) as RoutesManifest,
  );
}

/**
 * `port`: where this instance listens. `publicUrl` (APP_URL): where people reach Hublink. Next builds
 * every request's URL (route handlers' request.url, the proxy's redirects, Auth.js's callback URL)
 * from the hostname and port it is given, not from the Host header — so it is given the public
 * ones; behind a load balancer the instance's own port would otherwise leak into redirects.
 * The scheme comes from X-Forwarded-Proto.
 */
/**
 * Next.js (a render error, say) and libraries write with console.*: from here on those become JSON
 * lines too, with the request id, and pass the logger's redaction like everything else.
 */
function routeConsoleToLogger(log: ReturnType<typeof logger>): void {
  const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
  const line = (args: unknown[]) => format(...args).replace(ANSI_COLOUR, "");
  console.error = (...args: unknown[]) => log.error(line(args));
  console.warn = (...args: unknown[]) => log.warn(line(args));
  console.info = (...args: unknown[]) => log.info(line(args));
  console.log = (...args: unknown[]) => log.info(line(args));
}

export async function serve({ port, publicUrl }: { port: number; publicUrl: string }): Promise<void> {
  routeConsoleToLogger(logger());
  const dir = process.cwd();
  const origin = new URL(publicUrl);
  const publicPort = Number(origin.port || (origin.protocol === "https:" ? 443 : 80));
  const app = next({ dev: false, dir, hostname: origin.hostname, port: publicPort });
  const handle = app.getRequestHandler();
  await app.prepare();
  const routeOf = routeMatcher(dir);
  const log = logger();
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const server = http.createServer((request, response) => {
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    // While draining, every answer closes its connection, so keep-alive clients move on.
    if (isDraining()) response.setHeader("connection", "close");
    const started = process.hrtime.bigint();
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = (request.url ?? "/").split("?")[0] ?? "/";
      const route = routeOf(pathname);
      const status = response.statusCode;
      metrics().httpDuration.observe({ method: request.method ?? "GET", route, status: String(status) }, seconds);
      // Probes and static files would drown everything else at info.
      const quiet = route.startsWith("/api/health") || route.startsWith("/_next/");
      const level = status >= 500 ? "error" : quiet ? "debug" : "info";
      log[level](
        { requestId, method: request.method, route, status, durationMs: Math.round(seconds * 1000) },
        "request",
      );
      if (inFlight === 0) drained?.();
    });
    requestContext.run({ requestId }, () => {
      handle(request, response).catch((error: unknown) => {
        log.error({ err: error }, "request handler failed");
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
  });

  // Longer than a load balancer's idle keep-alive (nginx: 60 s), so the balancer never sends a
  // request on a connection this server is closing at that moment (it would see an error).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, resolve));
  log.info({ port }, "hublink listening");

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    startDraining();
    log.info({ signal, inFlight }, "shutting down: finishing requests in flight");
    server.close(); // no new connections; idle keep-alive ones are closed
    server.closeIdleConnections();
    if (inFlight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => (drained = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref()),
      ]);
    }
    server.closeAllConnections();
    await runShutdownHooks((name, error) => log.error({ hook: name, err: error }, "shutdown step failed"));
    log.info({ unfinished: inFlight }, "shut down");
    log.flush();
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
}
