import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { assertMatchesSchema } from "./openapi-schemas";
import { startTestEmulator, tokenFor } from "../src/testing";
import { octokitFor } from "./helpers";

// CI as GitHub reports it: check runs (GitHub Actions) beside commit statuses, merged pull requests,
// and issues closed as "not planned".

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.stop());

describe("check runs, merged pull requests and close reasons", () => {
  it("lists a pull request's check runs by head sha or branch, in GitHub's shape", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "octocat"));
    const [pull] = (await gh.rest.pulls.list({ owner: "octo-org", repo: "octo-app" })).data;
    const runs = (await gh.rest.checks.listForRef({ owner: "octo-org", repo: "octo-app", ref: pull?.head.sha ?? "" }))
      .data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/commits/{ref}/check-runs", runs);
    expect(runs.total_count).toBe(2);
    expect(runs.check_runs.map((r) => [r.name, r.status, r.conclusion, r.app?.slug])).toEqual([
      ["test", "completed", "failure", "github-actions"],
      ["lint", "completed", "success", "github-actions"],
    ]);
    // Actions only: no commit status at all.
    const status = (await gh.rest.repos.getCombinedStatusForRef({ owner: "octo-org", repo: "octo-app", ref: "health" }))
      .data;
    expect(status.total_count).toBe(0);

    const byName = (
      await gh.rest.checks.listForRef({ owner: "octo-org", repo: "octo-app", ref: "health", check_name: "lint" })
    ).data;
    expect(byName.check_runs.map((r) => r.conclusion)).toEqual(["success"]);
  });

  it("answers an empty list for a commit without runs, and 404 for a repository the token cannot see", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "hubot"));
    const none = (await gh.rest.checks.listForRef({ owner: "monalisa", repo: "smile", ref: "better-smile" })).data;
    expect(none).toMatchObject({ total_count: 0, check_runs: [] });
    await expect(
      gh.rest.checks.listForRef({ owner: "octocat", repo: "secret-plans", ref: "secret-feature" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("marks merged pull requests in search results and closes issues as completed or not planned", async () => {
    const gh = octokitFor(emu, await tokenFor(emu, "octocat"));
    const merged = (await gh.rest.search.issuesAndPullRequests({ q: "is:pr is:closed repo:octocat/hello-world" })).data
      .items;
    expect(merged.map((i) => [i.title, i.pull_request?.merged_at])).toEqual([["Fix a typo", expect.any(String)]]);
    const closed = (await gh.rest.issues.listForRepo({ owner: "hubot", repo: "hubot-scripts", state: "closed" })).data;
    assertMatchesSchema("get", "/repos/{owner}/{repo}/issues", closed);
    expect(closed.map((i) => [i.title, i.state_reason])).toEqual([["Old question", "not_planned"]]);
  });
});
