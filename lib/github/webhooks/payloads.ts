import { z } from "zod";

// The parts of GitHub's webhook payloads Hublink acts on. Anything
// else in a payload is ignored; a payload without these parts is malformed.

const account = z.object({
  id: z.number(),
  login: z.string(),
  type: z.string(),
  avatar_url: z.string().optional(),
});

const installation = z.object({
  id: z.number(),
  account,
  repository_selection: z.enum(["all", "selected"]),
  permissions: z.record(z.string(), z.string()).optional(),
  suspended_at: z.string().nullable().optional(),
  html_url: z.string().optional(),
});

export type InstallationPayload = z.infer<typeof installation>;

const repositoryRef = z.object({ full_name: z.string().regex(/^[\w.-]+\/[\w.-]+$/) });
const repositoryChange = z.object({ action: z.string().optional(), repository: repositoryRef });

/** What every delivery is: a JSON object, with an `action` for most events. */
export const deliveryEnvelope = z.looseObject({ action: z.string().max(100).optional() });

export const webhookPayloads = {
  github_app_authorization: z.object({ action: z.string(), sender: z.object({ id: z.number(), login: z.string() }) }),
  installation: z.object({
    action: z.string(),
    installation,
    requester: z.object({ id: z.number() }).nullable().optional(),
    repositories: z.array(repositoryRef).optional(),
  }),
  installation_repositories: z.object({
    action: z.string(),
    installation,
    repositories_added: z.array(repositoryRef).optional(),
    repositories_removed: z.array(repositoryRef).optional(),
  }),
  // Changes inside a repository the App is installed on: the cached answers about it are stale.
  issues: repositoryChange,
  pull_request: repositoryChange,
  pull_request_review: repositoryChange,
  check_run: repositoryChange,
  check_suite: repositoryChange,
  status: repositoryChange,
  // Renamed or transferred: `repository` names it by its new name, `changes` by its former one.
  repository: repositoryChange.extend({
    changes: z
      .object({
        repository: z.object({ name: z.object({ from: z.string() }) }).optional(),
        owner: z
          .object({
            from: z.object({
              user: z.object({ login: z.string() }).optional(),
              organization: z.object({ login: z.string() }).optional(),
            }),
          })
          .optional(),
      })
      .optional()
      .catch(undefined),
  }),
};

/** A renamed or transferred repository's former full name, from a `repository` delivery. */
export function formerFullName(payload: z.infer<(typeof webhookPayloads)["repository"]>): string | null {
  const [owner = "", name = ""] = payload.repository.full_name.split("/");
  const from = payload.changes;
  const formerOwner = from?.owner?.from.user?.login ?? from?.owner?.from.organization?.login ?? owner;
  const formerName = from?.repository?.name.from ?? name;
  const former = `${formerOwner}/${formerName}`;
  return former !== payload.repository.full_name && /^[\w.-]+\/[\w.-]+$/.test(former) ? former : null;
}

/** Events that only say "this repository's data changed". */
export const REPOSITORY_CHANGE_EVENTS = [
  "issues",
  "pull_request",
  "pull_request_review",
  "check_run",
  "check_suite",
  "status",
  "repository",
] as const;

export type HandledEvent = keyof typeof webhookPayloads;

export function isHandledEvent(event: string): event is HandledEvent {
  return Object.hasOwn(webhookPayloads, event);
}
