import { receiveWebhook } from "@/lib/github/webhooks/receive";

// POST /api/github/webhooks — GitHub's signed deliveries for the GitHub App. No session here: the
// X-Hub-Signature-256 check inside receiveWebhook is the authentication.
export async function POST(request: Request) {
  const { status, body } = await receiveWebhook(request);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
