import Link from "next/link";
import type { GitHubUnavailableError } from "@/lib/github/api/errors";
import type { StaleNote } from "@/lib/github/api/staleness";
import { formatTime } from "@/app/components/time";
import { TryAgain } from "./try-again";

// A titled region of a page that loads on its own: its skeleton while it streams, its own error.

/**
 * How much room a panel keeps while it streams and after: its skeleton and its content both take at
 * least this height (globals.css), so nothing below moves when it arrives.
 */
export type PanelSize = "profile" | "list" | "pull-list" | "compact-list";

type PanelProps = {
  id: string;
  title: string;
  size?: PanelSize;
  count?: number | null;
  viewAll?: { href: string; label: string };
  /** The content is a stored copy because GitHub could not answer. */
  stale?: StaleNote | null;
  children: React.ReactNode;
};

export function Panel({ id, title, size, count, viewAll, stale, children }: PanelProps) {
  return (
    <section className="panel" aria-labelledby={id} data-size={size}>
      <header className="panel-header">
        <h2 id={id}>
          {title}
          {count !== undefined && count !== null && <span className="counter">{count.toLocaleString("en")}</span>}
        </h2>
        {viewAll && <Link href={viewAll.href}>{viewAll.label}</Link>}
      </header>
      {stale && <PanelStale stale={stale} />}
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** Above content shown from a stored copy: when GitHub last confirmed it, and a way to ask again. */
export function PanelStale({ stale }: { stale: StaleNote }) {
  return (
    <p className="panel-stale" role="status">
      As of <time dateTime={stale.asOf.toISOString()}>{formatTime(stale.asOf)}</time> — GitHub is not answering.{" "}
      <TryAgain />
    </p>
  );
}

export function PanelSkeleton({ title, rows = 3, size }: { title: string; rows?: number; size?: PanelSize }) {
  return (
    <section className="panel" aria-busy="true" aria-label={`${title} (loading)`} data-size={size}>
      <header className="panel-header">
        <h2>{title}</h2>
      </header>
      <div className="panel-body" role="status">
        <span className="visually-hidden">Loading {title.toLowerCase()}…</span>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="skeleton-line" />
        ))}
      </div>
    </section>
  );
}

const EXPLANATIONS: Record<GitHubUnavailableError["reason"], string> = {
  server_error: "GitHub answered with an error.",
  timeout: "GitHub took too long to answer.",
  unreachable: "GitHub could not be reached.",
  rate_limited: "Hublink has used up its GitHub API allowance for now.",
  refused: "GitHub could not answer this request.",
};

/** What a panel shows instead of its content when GitHub could not answer. Never the error's text. */
export function PanelProblem({ problem }: { problem: GitHubUnavailableError }) {
  return (
    <div className="panel-problem" role="alert">
      <p>
        {EXPLANATIONS[problem.reason]}{" "}
        {problem.retryAt ? <>It resets {formatTime(problem.retryAt)}.</> : "The rest of the page is unaffected."}
      </p>
      <TryAgain />
    </div>
  );
}

/** Said under a list when GitHub sent items Hublink could not read: they are left out, not hidden. */
export function SkippedNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="panel-note">
      {count === 1 ? "1 item" : `${count} items`} could not be shown: GitHub sent {count === 1 ? "it" : "them"} in a
      form Hublink does not read.
    </p>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="panel-empty">{children}</p>;
}
