import { metricsResponse } from "@/lib/ops/metrics-endpoint";

// Prometheus metrics, behind the METRICS_TOKEN bearer token (404 when it is not set).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request.headers.get("authorization"));
}
