// The benchmark's table (Markdown, so it can be pasted into the README) and the counts CI asserts.
import type { Row } from "./measure";
import { SCENARIOS, type Variant } from "./scenarios";

const ms = (value: number) => `${Math.round(value).toLocaleString("en")}`;
const per = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

export function printTable(
  results: { variant: Variant; rows: Row[] }[],
  meta: { latency: number; people: number; postgres: boolean; load: string },
): void {
  console.log(
    `\nGitHub latency L = ${meta.latency} ms · ${meta.people} people · ${meta.postgres ? "PostgreSQL, 2 app instances" : "SQLite, 1 app instance"} · load average at the end ${meta.load}\n`,
  );
  console.log(
    "| scenario | variant | p50 ms | p95 ms | p99 ms | first byte p50 | panels in p50 | GitHub calls / view | rate-limit units / view | failed panels | stale panels | refreshes |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const name of Object.values(SCENARIOS)) {
    for (const { variant, rows } of results) {
      const row = rows.find((r) => r.scenario === name);
      if (!row) continue;
      const label = name.startsWith("(a)") ? "direct, token in hand" : variant.label;
      console.log(
        `| ${name} (${row.views}) | ${label} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ms(row.firstByteP50)} | ${ms(row.panelsP50)} | ${per(row.callsPerView)} | ${per(row.unitsPerView)} | ${row.failedPanels} | ${row.stalePanels} | ${row.refreshes} |`,
      );
    }
  }
}

/** What CI's short run requires, as counts (never times: CI machines are noisy). */
export function checkShortRun(rows: Row[]): string[] {
  const problems: string[] = [];
  const find = (name: string) => rows.find((r) => r.scenario === name)!;
  const warm = find(SCENARIOS.warmFresh);
  if (warm.callsPerView !== 0)
    problems.push(`a warm view within max-age made ${warm.callsPerView} GitHub calls (want 0)`);
  // The same people in the same order: revalidating asks each answer again, but never twice.
  const cold = find(SCENARIOS.cold);
  const revalidated = find(SCENARIOS.warmRevalidated);
  if (revalidated.callsPerView > cold.callsPerView)
    problems.push(
      `a warm view after max-age made ${revalidated.callsPerView} GitHub calls, more than a cold one (${cold.callsPerView})`,
    );
  for (const name of [SCENARIOS.cold, SCENARIOS.warmRevalidated, SCENARIOS.manyCold, SCENARIOS.manyWarm]) {
    if (find(name).failedPanels !== 0) problems.push(`${name}: ${find(name).failedPanels} failed panels (want 0)`);
  }
  const storm = find(SCENARIOS.storm);
  if (storm.failedPanels !== 0) problems.push(`the storm failed ${storm.failedPanels} panels (want 0)`);
  if (storm.refreshes !== 1) problems.push(`the storm made ${storm.refreshes} token refreshes (want 1)`);
  const unavailable = find(SCENARIOS.unavailable);
  if (unavailable.failedPanels !== 0) {
    problems.push(
      `with GitHub failing and a warm cache, ${unavailable.failedPanels} panels showed only an error (want 0)`,
    );
  }
  return problems;
}
