// Dates as GitHub lists show them, rendered on the server in UTC (stable for everyone and for screenshots).
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatTime(value: Date): string {
  return `${TIME.format(value)} UTC`;
}

export function Day({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {DAY.format(value)}
    </time>
  );
}
