import "server-only";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { getEnv } from "../env";
import { connectionAuthStrategy } from "./tokens";

// The one Octokit factory: GitHub's REST API as a signed-in person, through their connection.
const HublinkOctokit = Octokit.plugin(throttling, retry);

export type GitHubClient = InstanceType<typeof HublinkOctokit>;

export function githubFor(userId: string): GitHubClient {
  return new HublinkOctokit({
    authStrategy: connectionAuthStrategy,
    auth: { userId },
    baseUrl: getEnv().github.apiUrl,
    userAgent: "Hublink",
    throttle: {
      // A page is waiting: retry a rate limit once if GitHub says it is short, otherwise give up and say when.
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= 5,
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => retryCount === 0 && retryAfter <= 5,
    },
  });
}
