"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

// Shown when a page of the app fails to render. The message is generic on purpose: error details
// can carry internals, so they go to the server log, and the person gets an action.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // reset() alone re-renders what the server already sent; refresh() asks the server again first.
  const router = useRouter();
  return (
    <section className="notice notice-error" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown. Try again; if it keeps failing, reload the page later.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="btn" onClick={() => startTransition(() => (router.refresh(), reset()))}>
        Try again
      </button>
    </section>
  );
}
