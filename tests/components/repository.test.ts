import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RepositoryFacts } from "@/app/components/github/repository-facts";
import { RepositoryList } from "@/app/components/github/repository-list";
import type { RepositoryHeader } from "@/lib/github/views/repositories";

// A repository's facts as a reader (or a screen reader) meets them: "1 star", never "1 stars".

const repository: RepositoryHeader = {
  fullName: "octocat/hello-world",
  owner: "octocat",
  name: "hello-world",
  htmlUrl: "https://github.com/octocat/hello-world",
  description: "My first repository",
  isPrivate: false,
  language: "TypeScript",
  stars: 1,
  updatedAt: null,
  forks: 1,
  openIssuesAndPulls: 0,
  defaultBranch: "main",
};

/** The text a screen reader reads, visually hidden parts included. */
const text = (element: React.ReactElement) =>
  renderToStaticMarkup(element)
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ");

describe("repository counts", () => {
  it("say one star and one fork in the singular", () => {
    const facts = text(createElement(RepositoryFacts, { repository }));
    expect(facts).toContain("1 star");
    expect(facts).not.toContain("1 stars");
    expect(facts).toContain("1 fork");
    expect(facts).not.toContain("1 forks");
    const list = text(createElement(RepositoryList, { items: [repository], empty: "" }));
    expect(list).toContain("1 star");
    expect(list).not.toContain("1 stars");
  });

  it("say other counts in the plural", () => {
    const facts = text(createElement(RepositoryFacts, { repository: { ...repository, stars: 0, forks: 12 } }));
    expect(facts).toContain("0 stars");
    expect(facts).toContain("12 forks");
    expect(text(createElement(RepositoryList, { items: [{ ...repository, stars: 2 }], empty: "" }))).toContain(
      "2 stars",
    );
  });
});
