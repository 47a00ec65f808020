import { checkReadiness } from "@/lib/ops/health";

// Readiness for the load balancer: 200 when this instance can serve, 503 with the reason otherwise
// (database unreachable, migrations pending, shutting down). Unauthenticated; reveals no detail.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "cache-control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "unavailable", reason: readiness.reason }, { status: 503, headers });
}
