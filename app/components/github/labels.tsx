import type { Label } from "@/lib/github/views/work-items";

// GitHub label colours are arbitrary: pick black or white text as GitHub does, by the colour's perceived
// lightness against GitHub's threshold (0.453): mid-light labels (an orange, GitHub's own green) get black
// text there, and white on them would fall under 3.6:1 contrast.
const LIGHTNESS_THRESHOLD = 0.453;

function textColorFor(hex: string): string {
  const value = /^[0-9a-f]{6}$/i.test(hex) ? hex : "ededed";
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance > LIGHTNESS_THRESHOLD ? "#1f2328" : "#ffffff";
}

export function Labels({ labels }: { labels: Label[] }) {
  if (!labels.length) return null;
  return (
    <ul className="labels" aria-label="Labels">
      {labels.map((label) => {
        const color = /^[0-9a-f]{6}$/i.test(label.color) ? label.color : "ededed";
        return (
          <li key={label.name} className="label" style={{ backgroundColor: `#${color}`, color: textColorFor(color) }}>
            {label.name}
          </li>
        );
      })}
    </ul>
  );
}
