// What one benchmark scenario measures: full-page time and first byte of server-rendered views,
// GitHub calls and rate-limit units per view (from the emulator's counters), failed panels (from
// the HTML), and token refreshes.
import http from "node:http";
import zlib from "node:zlib";
import type { EmulatorControl } from "@hublink/github-emulator/testing";

export type View = {
  ms: number;
  firstByteMs: number;
  /** When every panel's own content had arrived (pull requests' review and CI may still stream). */
  panelsMs: number;
  failedPanels: number;
  stalePanels: number;
  ok: boolean;
};

export type Row = {
  scenario: string;
  views: number;
  p50: number;
  p95: number;
  p99: number;
  firstByteP50: number;
  panelsP50: number;
  callsPerView: number;
  unitsPerView: number;
  failedPanels: number;
  stalePanels: number;
  refreshes: number;
};

// The measuring client shares the machine's two cores with the app, so it is kept light: node:http
// and a running count, not fetch's web streams and a rescan of the page at every chunk (measured:
// 3 ms of client CPU per dashboard view instead of 6–7).
const agent = new http.Agent({ keepAlive: true });
// A panel's heading carries an id once its content is in (skeletons' headings have none).
const PANEL_IN = "<h2 id=";

/** One render of `path` with a session cookie, read to the end of the stream (gzip, as browsers ask). */
export function view(appUrl: string, path: string, cookie: string): Promise<View> {
  const started = performance.now();
  const since = () => performance.now() - started;
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${appUrl}${path}`,
      { agent, headers: { cookie, "accept-encoding": "gzip" } },
      (response) => {
        const body = response.headers["content-encoding"] === "gzip" ? response.pipe(zlib.createGunzip()) : response;
        body.setEncoding("utf8");
        const chunks: string[] = [];
        let firstByteMs = 0;
        let panelsMs = 0;
        let carry = "";
        body.on("data", (chunk: string) => {
          firstByteMs ||= since();
          chunks.push(chunk);
          // Counted across chunk boundaries: the last few characters are looked at again.
          const text = carry + chunk;
          if (text.includes(PANEL_IN)) panelsMs = since();
          carry = text.slice(-(PANEL_IN.length - 1));
        });
        body.on("error", reject);
        body.on("end", () => {
          const html = chunks.join("");
          resolve({
            ms: since(),
            firstByteMs,
            panelsMs: panelsMs || firstByteMs,
            // A panel that failed renders PanelProblem; one shown from a stored copy renders the stale note.
            failedPanels: html.split('class="panel-problem"').length - 1,
            stalePanels: html.split('class="panel-stale"').length - 1,
            ok: response.statusCode === 200 && html.includes("</html>"),
          });
        });
      },
    );
    request.on("error", reject);
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Counters = { calls: number; units: number; refreshes: number };

async function counters(control: EmulatorControl): Promise<Counters> {
  const stats = await control.stats();
  return {
    // REST reads only: the token endpoint is counted as refreshes.
    calls: Object.entries(stats.calls)
      .filter(([route]) => route.startsWith("GET "))
      .reduce((sum, [, n]) => sum + n, 0),
    units: stats.rateLimitCharged,
    refreshes: stats.refreshes,
  };
}

/** Runs `views` (started together) and summarises them as one table row. */
export async function scenario(
  name: string,
  control: EmulatorControl,
  views: () => Promise<View[]>,
): Promise<Row & { all: View[] }> {
  const before = await counters(control);
  const all = await views();
  const after = await counters(control);
  const times = all.map((v) => v.ms);
  return {
    scenario: name,
    views: all.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    firstByteP50: percentile(
      all.map((v) => v.firstByteMs),
      50,
    ),
    panelsP50: percentile(
      all.map((v) => v.panelsMs),
      50,
    ),
    callsPerView: (after.calls - before.calls) / all.length,
    unitsPerView: (after.units - before.units) / all.length,
    failedPanels: all.reduce((sum, v) => sum + v.failedPanels + (v.ok ? 0 : 5), 0),
    stalePanels: all.reduce((sum, v) => sum + v.stalePanels, 0),
    refreshes: after.refreshes - before.refreshes,
    all,
  };
}

/** The dashboard's five GitHub calls made one after another with a token, as a hand-written tool would. */
export async function sequentialCalls(apiUrl: string, token: string, etags: Map<string, string>): Promise<number> {
  const paths = [
    "/user",
    "/user/repos?sort=updated&per_page=6",
    `/search/issues?q=${encodeURIComponent("is:pr is:open author:@me archived:false")}&sort=updated&order=desc&per_page=5`,
    `/search/issues?q=${encodeURIComponent("is:pr is:open review-requested:@me archived:false")}&sort=updated&order=desc&per_page=5`,
    `/search/issues?q=${encodeURIComponent("is:issue is:open assignee:@me archived:false")}&sort=updated&order=desc&per_page=5`,
  ];
  const started = performance.now();
  for (const path of paths) {
    const etag = etags.get(path);
    const response = await fetch(`${apiUrl}${path}`, {
      headers: { authorization: `token ${token}`, ...(etag ? { "if-none-match": etag } : {}) },
    });
    await response.arrayBuffer();
    const received = response.headers.get("etag");
    if (received) etags.set(path, received);
  }
  return performance.now() - started;
}
