// Liveness: the process is up and answering. No I/O, so a slow database never gets an instance killed.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}
