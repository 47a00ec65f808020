import { RelativeTime } from "./relative-time";

// The one date component: relative ("3 days ago", "yesterday") as GitHub shows dates, in the reader's
// language, with the exact local time on hover and the machine-readable value in <time datetime>.

export function Time({ value }: { value: Date }) {
  return <RelativeTime iso={value.toISOString()} />;
}

/** A clock time for sentences such as "resets at …": the reader's local time, said relatively. */
export function formatTime(value: Date): React.ReactNode {
  return <Time value={value} />;
}
