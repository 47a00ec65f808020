import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// The request being served, for every log line written while serving it. The production server
// (scripts/server.ts, outside the Next.js bundle) enters the context; the app's code (inside the
// bundle) reads it. The two load this module separately, so the store lives on globalThis.
// Not server-only for the same reason.

export type RequestContext = { requestId: string };

const KEY = Symbol.for("hublink.requestContext");
const holder = globalThis as unknown as Record<typeof KEY, AsyncLocalStorage<RequestContext> | undefined>;

export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage());

export const REQUEST_ID_HEADER = "x-request-id";

/** A load balancer's id is kept when it is a plain token; anything else is replaced, never echoed. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}
