import { describe, expect, it } from "vitest";
import { emptyWorkSentence, ISSUE_FILTERS, PULL_FILTERS, type WorkSearch } from "@/lib/github/views/work-filters";

// What /pulls and /issues say when a filter finds nothing: a sentence a person would write, for
// every filter in either state.

const expected: Record<WorkSearch["kind"], Record<string, { open: string; closed: string }>> = {
  pr: {
    created: {
      open: "No open pull requests created by you.",
      closed: "No closed pull requests created by you.",
    },
    "review-requested": {
      open: "No open pull requests are waiting for your review.",
      closed: "No closed pull requests were waiting for your review.",
    },
    assigned: {
      open: "No open pull requests assigned to you.",
      closed: "No closed pull requests assigned to you.",
    },
    mentioned: {
      open: "No open pull requests mention you.",
      closed: "No closed pull requests mention you.",
    },
  },
  issue: {
    assigned: { open: "No open issues assigned to you.", closed: "No closed issues assigned to you." },
    created: { open: "No open issues created by you.", closed: "No closed issues created by you." },
    mentioned: { open: "No open issues mention you.", closed: "No closed issues mention you." },
  },
};

describe("the empty work lists", () => {
  it("have a sentence for every filter, and no other", () => {
    expect(Object.keys(expected.pr).sort()).toEqual(Object.keys(PULL_FILTERS).sort());
    expect(Object.keys(expected.issue).sort()).toEqual(Object.keys(ISSUE_FILTERS).sort());
  });

  for (const [kind, filters] of Object.entries(expected)) {
    for (const [filter, sentences] of Object.entries(filters)) {
      for (const state of ["open", "closed"] as const) {
        it(`say "${sentences[state]}"`, () => {
          expect(emptyWorkSentence({ kind, filter, state } as WorkSearch)).toBe(sentences[state]);
        });
      }
    }
  }
});
