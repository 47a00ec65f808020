import { CheckIcon, DotFillIcon, XIcon } from "@primer/octicons-react";
import type { Checks, CheckState, PullDetails, ReviewState } from "@/lib/github/views/work-items";
import { Time } from "@/app/components/time";

// A pull request's review state and CI, as one line of small facts. The CI word carries a tooltip
// listing each check run and commit status and what reported it.

const REVIEW: Record<ReviewState, string> = {
  approved: "Approved",
  changes_requested: "Changes requested",
  commented: "Reviewed",
  review_requested: "Review requested",
  none: "No reviews",
  unavailable: "Reviews unavailable",
};

const CHECKS: Record<CheckState, string> = {
  success: "Checks passed",
  failure: "Checks failed",
  pending: "Checks pending",
  none: "No checks",
  unavailable: "Checks unavailable",
};

const SOURCE_WORD: Record<CheckState, string> = {
  success: "passed",
  failure: "failed",
  pending: "pending",
  none: "—",
  unavailable: "unavailable",
};

function checksTitle(checks: Checks): string {
  if (checks.state === "unavailable") return "GitHub did not answer the look-up of this pull request's checks";
  if (!checks.sources.length) return "No check runs or commit statuses on the head commit";
  return checks.sources.map((s) => `${s.name} (${s.via}): ${SOURCE_WORD[s.state]}`).join("\n");
}

const ICON = { success: CheckIcon, failure: XIcon, pending: DotFillIcon, none: null, unavailable: null } as const;

export function PullStatus({ details }: { details: PullDetails }) {
  const Icon = ICON[details.checks.state];
  return (
    <>
      <span className={`status status-review-${details.review}`}>{REVIEW[details.review]}</span>
      <span className={`status status-checks-${details.checks.state}`} title={checksTitle(details.checks)}>
        {Icon && <Icon size={12} aria-hidden="true" />} {CHECKS[details.checks.state]}
      </span>
      {details.asOf && (
        <span
          className="status status-stale"
          title="GitHub is not answering: review and CI as GitHub last confirmed them"
        >
          as of <Time value={details.asOf} />
        </span>
      )}
    </>
  );
}

/** In the same line's place while GitHub is asked, so nothing moves when the facts arrive. */
export function PullStatusPending() {
  return <span className="status status-pending-lookup">Looking up review and CI…</span>;
}
