// Dates render on the server in UTC, with the machine-readable value for assistive tech and tooltips.
const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function Time({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {FORMAT.format(value)} UTC
    </time>
  );
}
