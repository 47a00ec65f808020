// The benchmark's p50 full-page times as a grouped bar chart (SVG, no dependencies), one group per
// scenario and one bar per variant, with a tick where the panels were in, so the README can show the
// table at a glance.
import type { Row } from "./measure";
import type { Variant } from "./scenarios";

const COLOURS: Record<string, string> = { before: "#8c959f", after: "#0969da", nocache: "#54aeff" };
const colour = (variant: Variant) => COLOURS[variant.name] ?? "#bf8700";
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function chartSvg(results: { variant: Variant; rows: Row[] }[], title: string): string {
  const scenarios = [...new Set(results.flatMap((r) => r.rows.map((row) => row.scenario)))].filter(
    (name) => !name.startsWith("(a)"),
  );
  const bar = 12;
  const group = results.length * bar + 14;
  const left = 330;
  const width = 900;
  const top = 48;
  const height = top + scenarios.length * group + 20;
  const max = Math.max(...results.flatMap((r) => r.rows.map((row) => row.p50)));
  const scale = (ms: number) => ((width - left - 70) * ms) / max;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system,Segoe UI,Helvetica,Arial,sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600" fill="#1f2328">${escape(title)}</text>`,
    ...results.map(
      ({ variant }, i) =>
        `<rect x="${12 + i * 220}" y="30" width="10" height="10" fill="${colour(variant)}"/><text x="${26 + i * 220}" y="39" fill="#1f2328">${escape(variant.label)}</text>`,
    ),
  ];
  scenarios.forEach((name, s) => {
    const y = top + s * group;
    parts.push(`<text x="12" y="${y + group / 2}" fill="#1f2328">${escape(name)}</text>`);
    results.forEach(({ variant, rows }, i) => {
      const row = rows.find((r) => r.scenario === name);
      if (!row) return;
      const by = y + 4 + i * bar;
      parts.push(
        `<rect x="${left}" y="${by}" width="${Math.max(1, scale(row.p50)).toFixed(1)}" height="${bar - 2}" fill="${colour(variant)}"/>`,
        // A tick where every panel's own content was in (pull requests' review and CI still to come).
        ...(row.panelsP50 < row.p50 - 1
          ? [
              `<rect x="${(left + scale(row.panelsP50) - 1).toFixed(1)}" y="${by - 1}" width="2" height="${bar}" fill="#1f2328"/>`,
            ]
          : []),
        `<text x="${left + scale(row.p50) + 4}" y="${by + bar - 3}" fill="#59636e">${Math.round(row.p50).toLocaleString("en")} ms</text>`,
      );
    });
  });
  parts.push("</svg>");
  return parts.join("\n");
}
