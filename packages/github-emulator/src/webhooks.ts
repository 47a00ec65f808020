import { createHmac, randomUUID } from "node:crypto";
import { sleep } from "./http";
import type { GitHubApp, Installation, Issue, Repo } from "./model";
import { installationJson, issueJson, pullSimpleJson, userByLogin, webhookRepo } from "./shapes";
import type { EmulatorState, WebhookDeliveryRecord } from "./state";

// Webhook deliveries to the GitHub App's URL, signed like GitHub's (X-Hub-Signature-256), retried in the background.

/** `sha256=` + HMAC-SHA256 hex of the raw body. */
export function signWebhookBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export const DEFAULT_RETRY_DELAYS_MS = [200, 1000];

/** Starts one delivery (with its retries) in the background; `pending` holds it until it has finished. */
export function deliverWebhook(
  state: EmulatorState,
  app: GitHubApp,
  event: string,
  payload: Record<string, unknown>,
  retryDelaysMs: number[],
  pending: Set<Promise<void>>,
): WebhookDeliveryRecord {
  const record: WebhookDeliveryRecord = {
    id: randomUUID(),
    event,
    action: typeof payload.action === "string" ? payload.action : null,
    status: null,
    attempts: 0,
  };
  state.stats.webhooks.deliveries.push(record);
  const stats = state.stats;
  const url = app.webhookUrl;
  if (!url) return record;
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/emulator",
    "x-github-event": event,
    "x-github-delivery": record.id,
    "x-github-hook-id": "1",
    "x-github-hook-installation-target-id": String(app.id),
    "x-github-hook-installation-target-type": "integration",
    "x-hub-signature-256": signWebhookBody(app.webhookSecret, body),
  };
  const run = (async () => {
    for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(retryDelaysMs[attempt - 1] ?? 1000);
      record.attempts++;
      try {
        const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
        record.status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          stats.webhooks.ok++;
          return;
        }
      } catch {
        record.status = null;
      }
    }
    stats.webhooks.failed++;
  })();
  pending.add(run);
  void run.finally(() => pending.delete(run));
  return record;
}

/** One emulator's webhook deliveries: each instance waits only for its own. */
export class WebhookSender {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly state: EmulatorState,
    private readonly retryDelaysMs: number[] = DEFAULT_RETRY_DELAYS_MS,
  ) {}

  /** Resolves when every delivery this sender started so far has finished (used by stop() and tests). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private send(event: string, payload: Record<string, unknown>): void {
    deliverWebhook(this.state, this.state.apps.githubApp, event, payload, this.retryDelaysMs, this.pending);
  }

  installation(
    action: "created" | "deleted" | "suspend" | "unsuspend",
    inst: Installation,
    sender: string,
    repos: Repo[],
    requester?: string,
  ): void {
    const payload: Record<string, unknown> = {
      action,
      installation: installationJson(this.state, inst),
      repositories: repos.map(webhookRepo),
    };
    if (action === "created") payload.requester = requester ? userByLogin(this.state, requester) : null;
    payload.sender = userByLogin(this.state, sender);
    this.send("installation", payload);
  }

  /** GitHub sends additions and removals as separate deliveries. */
  installationRepositories(inst: Installation, sender: string, added: Repo[], removed: Repo[]): void {
    for (const [action, list] of [
      ["added", added],
      ["removed", removed],
    ] as const) {
      if (!list.length) continue;
      this.send("installation_repositories", {
        action,
        installation: installationJson(this.state, inst),
        repository_selection: inst.repositorySelection,
        repositories_added: action === "added" ? list.map(webhookRepo) : [],
        repositories_removed: action === "removed" ? list.map(webhookRepo) : [],
        requester: null,
        sender: userByLogin(this.state, sender),
      });
    }
  }

  /**
   * An issue or pull request changed: `issues` or `pull_request` with the item, the repository and
   * the installation, as GitHub sends them to an App installed on that repository (none otherwise).
   */
  itemChanged(repo: Repo, item: Issue, action: string, sender: string): void {
    const inst = this.state.installations.find(
      (i) =>
        i.account.toLowerCase() === repo.owner.toLowerCase() &&
        i.suspendedAt === null &&
        (i.repositorySelection === "all" || i.repositoryIds.includes(repo.id)),
    );
    if (!inst) return;
    const key = item.pull ? "pull_request" : "issue";
    const json = item.pull ? pullSimpleJson(this.state, repo, item) : issueJson(this.state, repo, item);
    this.send(item.pull ? "pull_request" : "issues", {
      action,
      number: item.number,
      [key]: json,
      repository: webhookRepo(repo),
      installation: { id: inst.id, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${inst.id}` },
      sender: userByLogin(this.state, sender),
    });
  }

  authorizationRevoked(login: string): void {
    this.send("github_app_authorization", { action: "revoked", sender: userByLogin(this.state, login) });
  }
}
