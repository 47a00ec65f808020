import { describe, expect, it } from "vitest";
import { relativeText } from "@/app/components/relative-time";

// What "opened …", "updated …" and "as of …" say, against what GitHub's pages say for the same moment.

const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;
const said = (secondsFromNow: number, locale = "en") =>
  relativeText(new Date(now + secondsFromNow * 1000), now, locale);

describe("relative times", () => {
  it("say what GitHub says within each unit", () => {
    expect(said(-30)).toBe("just now");
    expect(said(-5 * minute)).toBe("5 minutes ago");
    expect(said(-3 * hour)).toBe("3 hours ago");
    expect(said(-1 * day)).toBe("yesterday");
    expect(said(-3 * day)).toBe("3 days ago");
    expect(said(-14 * day)).toBe("2 weeks ago");
    expect(said(-3 * 30 * day)).toBe("3 months ago");
    expect(said(-2 * 365 * day)).toBe("2 years ago");
  });

  it("carry a count that rounds up to the next unit into it: never '60 minutes ago' or '24 hours ago'", () => {
    // 59 minutes 36 seconds, 23 hours 36 minutes, 6 days 14 hours, 355 days: GitHub rounds each up into
    // the larger unit.
    expect(said(-(59 * minute + 36))).toBe("1 hour ago");
    expect(said(-(23 * hour + 36 * minute))).toBe("yesterday");
    expect(said(-(6 * day + 14 * hour))).toBe("last week");
    expect(said(-355 * day)).toBe("last year");
    expect(said(23 * hour + 36 * minute)).toBe("tomorrow");
    expect(said(-(23 * hour + 36 * minute), "de")).toBe("gestern");
  });
});
