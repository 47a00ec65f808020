"use client";

import { useLinkStatus } from "next/link";

/** Inside a <Link>: a small spinner from the click until the new page shows (its room is always kept). */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return <span className={pending ? "link-pending" : "link-pending link-pending-idle"} aria-hidden="true" />;
}
