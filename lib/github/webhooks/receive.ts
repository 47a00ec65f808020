import "server-only";
import { Webhooks } from "@octokit/webhooks";
import { isUniqueViolation } from "../../db/errors";
import { db } from "../../db/client";
import { transaction, type Transaction } from "../../db/transaction";
import { getEnv } from "../../config/env";
import {
  installationChanged,
  installationCreated,
  installationDeleted,
  installationSuspended,
  installationUnsuspended,
} from "./installation-events";
import { GitHubConnectionError, GitHubUnavailableError } from "../api/errors";
import { accessTokenOf, findConnectionsOfGitHubUser, type StoredConnection } from "../connection/store";
import { refreshConnection } from "../tokens/refresh";
import { markRevoked } from "../tokens/revocation";
import { askGitHubAboutToken, type TokenVerdict } from "../tokens/verification";
import { markRepositoryAnswersStale } from "../api/response-store";
import {
  deliveryEnvelope,
  isHandledEvent,
  REPOSITORY_CHANGE_EVENTS,
  webhookPayloads,
  type HandledEvent,
  formerFullName,
} from "./payloads";
import { logger } from "../../ops/logger";
import { metrics } from "../../ops/metrics";

// Signed GitHub webhooks. Nothing in a delivery is believed — not even parsed — before its
// X-Hub-Signature-256 matches the body (constant-time, @octokit/webhooks). Each X-GitHub-Delivery
// is handled once: its id is stored in the same transaction as the changes it causes, so a
// redelivery finds it and changes nothing, and a failed delivery stores nothing and can be retried.

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type WebhookAnswer = { status: number; body: { result: string } };
const answer = (status: number, result: string): WebhookAnswer => ({ status, body: { result } });

/** The body, or null once it passes `limit` bytes — whatever Content-Length claimed. */
async function readCappedBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

let verifier: Webhooks | undefined;

/** Handles one delivery; every answer is logged and counted by event (handled ones by name) and result. */
export async function receiveWebhook(request: Request): Promise<WebhookAnswer> {
  const received = await handleDelivery(request);
  const header = request.headers.get("x-github-event");
  const event = header && isHandledEvent(header) ? header : "other";
  metrics().webhookDeliveries.inc({ event, result: received.body.result });
  const deliveryId = request.headers.get("x-github-delivery")?.slice(0, 100);
  logger()[received.status >= 500 ? "warn" : "info"](
    { event, deliveryId, status: received.status, result: received.body.result },
    "github webhook",
  );
  return received;
}

async function handleDelivery(request: Request): Promise<WebhookAnswer> {
  const secret = getEnv().githubApp?.webhookSecret;
  if (!secret) return answer(404, "no_github_app");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) return answer(413, "too_large");
  const raw = await readCappedBody(request.body, MAX_WEBHOOK_BYTES);
  if (!raw) return answer(413, "too_large");

  const signature = request.headers.get("x-hub-signature-256");
  if (!signature) return answer(401, "signature_missing");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return answer(400, "malformed");
  }
  verifier ??= new Webhooks({ secret });
  if (!(await verifier.verify(text, signature).catch(() => false))) return answer(401, "signature_mismatch");

  const event = request.headers.get("x-github-event");
  const deliveryId = request.headers.get("x-github-delivery");
  if (!event || !deliveryId || deliveryId.length > 100) return answer(400, "malformed");
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return answer(400, "malformed");
  }
  // Every delivery GitHub sends is a JSON object; `null`, a number or an array is not one.
  const envelope = deliveryEnvelope.safeParse(payload);
  if (!envelope.success) return answer(400, "malformed");
  const action = envelope.data.action ?? null;
  const parsed = isHandledEvent(event) ? webhookPayloads[event].safeParse(payload) : null;
  if (parsed && !parsed.success) return answer(400, "malformed");

  if (await db.webhookDelivery.findUnique({ where: { deliveryId } })) return answer(200, "duplicate");
  // Decided before the transaction, because it may ask GitHub: no network wait while holding a write.
  const revocations =
    parsed && event === "github_app_authorization" && action === "revoked"
      ? await connectionsEndedBy((parsed.data as Payload<"github_app_authorization">).sender.id)
      : [];
  if (revocations === "undecided") {
    // Not stored as handled: GitHub's redelivery (or the next one) decides once GitHub can answer.
    logger().warn(`github webhook ${deliveryId} deferred: GitHub could not say whether the stored token still works`);
    return answer(503, "github_unavailable");
  }
  try {
    await transaction(db, async (tx) => {
      await tx.webhookDelivery.create({ data: { deliveryId, event, action } });
      if (parsed) await apply(tx, event as HandledEvent, parsed.data, revocations);
    });
  } catch (error) {
    // Two copies of one delivery at the same moment: the other one stored it first.
    if (isUniqueViolation(error) && (await db.webhookDelivery.findUnique({ where: { deliveryId } }))) {
      return answer(200, "duplicate");
    }
    throw error;
  }
  return answer(200, parsed ? "processed" : "ignored");
}

type Payload<E extends HandledEvent> = ReturnType<(typeof webhookPayloads)[E]["parse"]>;

type StoredToken = { userId: string; accessTokenCiphertext: string };

/**
 * The person revoked the App in their GitHub settings: every App token of theirs died then. But the
 * webhook says not when, and it can arrive late — after the person already reconnected with a new
 * grant. So each stored token is put to GitHub: one it still knows was issued after the revocation
 * and stays; only one GitHub says it does not know is revoked. If GitHub cannot say (5xx, timeout,
 * rate limit), nothing is decided: "undecided", and the delivery is answered 503 for a retry.
 */
async function connectionsEndedBy(githubUserId: number): Promise<StoredToken[] | "undecided"> {
  const rows = (await findConnectionsOfGitHubUser(String(githubUserId))).filter(
    (row) => row.kind === "github_app" && row.status === "connected" && row.accessTokenCiphertext,
  );
  const verdicts = await Promise.all(rows.map(grantVerdict));
  if (verdicts.includes("inconclusive")) return "undecided";
  return rows
    .filter((_, index) => verdicts[index] === "unknown_to_github")
    .map((row) => ({ userId: row.userId, accessTokenCiphertext: row.accessTokenCiphertext! }));
}

/**
 * Whether the grant behind a stored connection still stands. An access token past its expiry
 * (eight hours without a visit) is unknown to GitHub whether or not its grant was revoked, so for
 * such a connection the refresh token answers: the claimed refresh a page view would make. It works
 * only while the grant stands (then the connection stays, with a new pair); a refresh token GitHub
 * refuses ends the connection there and then, as revoked. "valid" means nothing is left to revoke.
 */
async function grantVerdict(row: StoredConnection): Promise<TokenVerdict> {
  const expired = row.accessTokenExpiresAt !== null && row.accessTokenExpiresAt <= new Date();
  if (expired && row.refreshTokenCiphertext) {
    try {
      await refreshConnection(row, { afterRejection: true });
      return "valid";
    } catch (error) {
      if (error instanceof GitHubConnectionError) return "valid";
      if (error instanceof GitHubUnavailableError) return "inconclusive";
      throw error;
    }
  }
  let token: string;
  try {
    token = accessTokenOf(row)!;
  } catch {
    return "unknown_to_github";
  }
  return askGitHubAboutToken(row, token);
}

async function apply(
  tx: Transaction,
  event: HandledEvent,
  data: Payload<HandledEvent>,
  revocations: StoredToken[],
): Promise<void> {
  if (event === "github_app_authorization") {
    // Matching the exact token checked: a reconnect committed meanwhile is never undone.
    for (const stored of revocations) await markRevoked(stored, "authorization_revoked", { writer: tx });
    return;
  }
  const apiUrl = getEnv().github.apiUrl;
  if ((REPOSITORY_CHANGE_EVENTS as readonly string[]).includes(event)) {
    const { repository } = data as Payload<"issues">;
    // A renamed or transferred repository's answers are stored under its former name too.
    const former = event === "repository" ? formerFullName(data as Payload<"repository">) : null;
    await markRepositoryAnswersStale(tx, apiUrl, former ? [repository.full_name, former] : [repository.full_name], {
      includeRepositoryLists: event === "repository",
    });
    return;
  }
  const { action, installation, requester, repositories } = data as Payload<"installation">;
  logger().info({ event, action, installationId: installation.id }, "github installation changed");
  if (event === "installation") {
    // Created, deleted, suspended…: which repositories anyone can see through the App changed.
    await markRepositoryAnswersStale(
      tx,
      apiUrl,
      (repositories ?? []).map((r) => r.full_name),
      { includeRepositoryLists: true },
    );
  }
  if (event === "installation_repositories") {
    const changed = data as Payload<"installation_repositories">;
    const names = [...(changed.repositories_added ?? []), ...(changed.repositories_removed ?? [])];
    // Stored answers first, then the installation: the order every installation writer takes them in.
    await markRepositoryAnswersStale(
      tx,
      apiUrl,
      names.map((r) => r.full_name),
      { includeRepositoryLists: true },
    );
    await installationChanged(tx, installation);
    return;
  }
  const handlers: Record<string, (writer: Transaction, i: typeof installation) => Promise<unknown>> = {
    created: (writer, i) => installationCreated(writer, i, requester ?? null),
    deleted: installationDeleted,
    suspend: installationSuspended,
    unsuspend: installationUnsuspended,
    new_permissions_accepted: installationChanged,
  };
  // Own keys only: an action named like an Object.prototype member ("constructor") is just unknown.
  if (Object.hasOwn(handlers, action)) await handlers[action]!(tx, installation);
}
