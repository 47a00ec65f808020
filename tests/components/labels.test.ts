import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Labels } from "@/app/components/github/labels";

// Labels as GitHub draws them: the label's own colour behind, black or white text in front.

/** The text colour a label is drawn with. */
function textColourOf(color: string): string {
  const html = renderToStaticMarkup(createElement(Labels, { labels: [{ name: "label", color }] }));
  const match = /background-color:#([0-9a-f]{6});color:#([0-9a-f]{6})/i.exec(html);
  if (!match?.[2]) throw new Error(`no colours in ${html}`);
  return match[2].toLowerCase();
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [0, 2, 4].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const WHITE = "ffffff";

describe("label text colour", () => {
  it("is white on dark labels and dark on light ones", () => {
    for (const dark of ["b60205", "0e8a16", "1d76db", "5319e7", "d73a4a"]) expect(textColourOf(dark)).toBe(WHITE);
    for (const light of ["fbca04", "ededed", "a2eeef", "d876e3", "c2e0c6"]) expect(textColourOf(light)).not.toBe(WHITE);
  });

  it("is dark on mid-light labels, where GitHub draws black text and white would be unreadable", () => {
    // An orange, GitHub's own orange and its green: GitHub's perceived lightness is above its
    // threshold (0.453) for each, so github.com draws them with black text; white on them is under
    // 3.6:1, short of the 4.5:1 small text needs.
    for (const color of ["f97316", "e36209", "2da44e"]) {
      expect(contrast(color, WHITE)).toBeLessThan(3.6);
      expect(textColourOf(color)).not.toBe(WHITE);
      expect(contrast(color, textColourOf(color))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
