"use client";

import { useRouter } from "next/navigation";
import { useRef, useTransition } from "react";

// Re-renders the page's server components, so a panel that failed asks GitHub again while the
// panels that worked keep what they show (their answers come back as cheap 304s). Focus moves to
// the panel's heading first: this button disappears when the panel recovers, and focus must not
// fall back to the top of the page.
export function TryAgain() {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const [pending, startTransition] = useTransition();
  return (
    <button
      ref={button}
      type="button"
      className="btn btn-small"
      disabled={pending}
      onClick={() => {
        const heading = button.current?.closest("section")?.querySelector<HTMLElement>("h1, h2");
        if (heading) {
          heading.tabIndex = -1;
          heading.focus();
        }
        startTransition(() => router.refresh());
      }}
    >
      {pending ? "Trying again…" : "Try again"}
    </button>
  );
}
