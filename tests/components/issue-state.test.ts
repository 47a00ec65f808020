import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IssueList } from "@/app/components/github/issue-list";
import { itemStatus } from "@/app/components/github/state-icon";
import { issueAnswer } from "@/lib/github/views/answers";
import { toIssue } from "@/lib/github/views/work-items";

// Why a closed issue was closed, as GitHub shows it: completed in purple, not planned and duplicate
// in grey with a skip icon, each saying so to a screen reader.

const closedAs = (stateReason: string | null) =>
  toIssue(
    issueAnswer.parse({
      id: 1,
      number: 7,
      title: "Same as #3",
      html_url: "https://github.com/octocat/hello-world/issues/7",
      repository_url: "https://api.github.com/repos/octocat/hello-world",
      user: { login: "octocat" },
      state: "closed",
      state_reason: stateReason,
      labels: [],
      comments: 0,
      created_at: "2026-11-01T10:00:00Z",
    }),
  );

const iconOf = (html: string) => /<svg[^>]*>/.exec(html)?.[0] ?? "";

describe("a closed issue's state", () => {
  it("keeps GitHub's reason: completed, not planned, duplicate", () => {
    expect(closedAs("completed").stateReason).toBe("completed");
    expect(closedAs("not_planned").stateReason).toBe("not_planned");
    expect(closedAs("duplicate").stateReason).toBe("duplicate");
    expect(closedAs("something_new").stateReason).toBeNull();
  });

  it("shows an issue closed as a duplicate with the grey not-planned icon, labelled as a duplicate", () => {
    const duplicate = closedAs("duplicate");
    expect(itemStatus(duplicate)).toBe("issue-duplicate");
    const render = (issue: ReturnType<typeof closedAs>) =>
      renderToStaticMarkup(createElement(IssueList, { items: [issue], empty: "" }));
    const icon = iconOf(render(duplicate));
    expect(icon).toContain('aria-label="Closed as duplicate"');
    expect(icon).toContain("octicon-skip");
    expect(icon).not.toContain("octicon-issue-closed");
    // The same drawing as a not-planned issue's: only its label and class differ.
    const notPlanned = iconOf(render(closedAs("not_planned")));
    expect(notPlanned).toContain('aria-label="Closed issue (not planned)"');
    const drawing = (svg: string) => svg.replace(/aria-label="[^"]*"/, "").replace(/class="[^"]*"/, "");
    expect(drawing(icon)).toBe(drawing(notPlanned));
  });
});
