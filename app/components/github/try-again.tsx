"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

// Re-renders the page's server components, so a panel that failed asks GitHub again while the
// panels that worked keep what they show (their answers come back as cheap 304s).
export function TryAgain() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
    >
      {pending ? "Trying again…" : "Try again"}
    </button>
  );
}
