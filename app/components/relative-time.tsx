"use client";

import { useEffect, useState } from "react";

// "3 days ago" in the reader's language, with the exact time in their own time zone on hover. The
// server cannot know either, so it renders English and UTC, and the browser rewrites both once.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// Building an Intl formatter costs far more than using one, and a list renders dozens of times.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
function memo<F extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as F;
}

export function relativeText(date: Date, now: number, locale: string): string {
  const seconds = (date.getTime() - now) / 1000;
  const format = memo(`relative ${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  for (const [i, [unit, size]] of UNITS.entries()) {
    if (Math.abs(seconds) < size) continue;
    const count = Math.round(seconds / size);
    // A count that rounds up to a whole larger unit is said in it, as GitHub does: 59½ minutes is
    // "1 hour ago" and 23½ hours "yesterday", never "60 minutes ago" or "24 hours ago".
    const larger = UNITS[i - 1];
    if (larger && Math.abs(count) >= Math.round(larger[1] / size)) return format.format(Math.sign(count), larger[0]);
    return format.format(count, unit);
  }
  // Under a minute: GitHub's "just now" in English, the language's own word for "now" otherwise.
  return /^en\b/.test(locale) ? "just now" : format.format(0, "second");
}

const EXACT: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" };

/** The time the server renders at; the browser's own clock replaces it after hydration. */
const serverNow = () => Date.now();

export function RelativeTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [reader, setReader] = useState<{ locale: string; now: number } | null>(null);
  useEffect(() => {
    // After hydration, so the server's English text is what hydrates and nothing mismatches.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the reader's locale exists only in the browser
    setReader({ locale: navigator.language, now: Date.now() });
  }, []);
  const title = reader
    ? memo(`exact ${reader.locale}`, () => new Intl.DateTimeFormat(reader.locale, EXACT)).format(date)
    : `${memo("exact UTC", () => new Intl.DateTimeFormat("en", { ...EXACT, timeZone: "UTC" })).format(date)} UTC`;
  return (
    <time dateTime={iso} title={title}>
      {relativeText(date, reader?.now ?? serverNow(), reader?.locale ?? "en")}
    </time>
  );
}
