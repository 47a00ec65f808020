import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// Hublink's Prometheus metrics (prom-client), served by /api/metrics. One registry per process,
// on globalThis because the production server (outside the Next.js bundle: request durations) and
// the app (inside it: refreshes, webhooks, GitHub calls) load this module separately.
// Not server-only for the same reason. Label values are always from small fixed sets.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hublink_process_" });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: "hublink_connections",
      help: "Stored GitHub connections by status (read from the database when scraped)",
      labelNames: ["status"] as const,
      registers,
    }),
    refreshes: new Counter({
      name: "hublink_token_refreshes_total",
      help: "GitHub App user tokens refreshed by this process",
      registers,
    }),
    refreshFailures: new Counter({
      name: "hublink_token_refresh_failures_total",
      help: "Token refreshes that failed, by reason (the connection ended, or GitHub could not answer)",
      labelNames: ["reason"] as const,
      registers,
    }),
    connectionsEnded: new Counter({
      name: "hublink_connections_ended_total",
      help: "Connections marked revoked or expired by this process, by status and reason",
      labelNames: ["status", "reason"] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "hublink_webhook_deliveries_total",
      help: "GitHub webhook deliveries received, by event and result",
      labelNames: ["event", "result"] as const,
      registers,
    }),
    githubRequests: new Counter({
      name: "hublink_github_requests_total",
      help: "Requests to GitHub's REST API by HTTP status; cache=revalidated is a 304 answered from the stored copy",
      labelNames: ["status", "cache"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "hublink_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobRuns: new Counter({
      name: "hublink_job_runs_total",
      help: "Background job runs made by this process, by job and outcome",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "hublink_job_duration_seconds",
      help: "Duration of background job runs made by this process",
      labelNames: ["job"] as const,
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300],
      registers,
    }),
    jobLastRun: new Gauge({
      name: "hublink_job_last_run_timestamp_seconds",
      help: "When each background job last finished on any instance, by outcome (read from the database when scraped)",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    jobLastItems: new Gauge({
      name: "hublink_job_last_run_items",
      help: "What the last run of each job did, by what (read from the database when scraped)",
      labelNames: ["job", "item"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for("hublink.metrics");
const holder = globalThis as unknown as Record<typeof KEY, Metrics | undefined>;

export function metrics(): Metrics {
  return (holder[KEY] ??= createMetrics());
}
