// Dates render on the server in UTC (stable for everyone and for screenshots), with the
// machine-readable value for assistive tech and tooltips.
const FORMATS = {
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  moment: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
  clock: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
};

/** "14:05 UTC", for sentences such as "resets at …". */
export function formatTime(value: Date): string {
  return `${FORMATS.clock.format(value)} UTC`;
}

/** `day`: "3 Dec 2026", as GitHub's lists show dates; `moment` (default): "3 Dec 2026, 14:05 UTC". */
export function Time({ value, as = "moment" }: { value: Date; as?: "day" | "moment" }) {
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {as === "day" ? FORMATS.day.format(value) : `${FORMATS.moment.format(value)} UTC`}
    </time>
  );
}
