import { describe, expect, it } from "vitest";
import { GitHubUnavailableError } from "./errors";
import { collectStaleness, noteStale, oldest } from "./staleness";

const note = (iso: string) => ({ asOf: new Date(iso), problem: new GitHubUnavailableError("server_error") });

describe("stale notes", () => {
  it("oldest() picks the oldest copy of several shown together, and none when all were fresh", () => {
    const morning = note("2026-12-02T09:00:00Z");
    const noon = note("2026-12-02T12:00:00Z");
    expect(oldest(noon, null, morning, undefined)).toBe(morning);
    expect(oldest(null, noon)).toBe(noon);
    expect(oldest(null, undefined)).toBeNull();
    expect(oldest()).toBeNull();
  });

  it("collectStaleness() reports the oldest note its own load made, not another load's", async () => {
    const morning = note("2026-12-02T09:00:00Z");
    const noon = note("2026-12-02T12:00:00Z");
    const [stale, fresh] = await Promise.all([
      collectStaleness(async () => {
        noteStale(noon);
        await new Promise((resolve) => setTimeout(resolve, 5));
        noteStale(morning);
        return "a";
      }),
      collectStaleness(async () => "b"),
    ]);
    expect(stale).toEqual({ value: "a", stale: morning });
    expect(fresh).toEqual({ value: "b", stale: null });
  });
});
