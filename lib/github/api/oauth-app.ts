import "server-only";
import { getEnv } from "../../config/env";

export type ConnectionKind = "oauth_app" | "github_app";

export type ConnectApp = {
  kind: ConnectionKind;
  clientId: string;
  clientSecret: string;
  /** OAuth apps ask for scopes; a GitHub App's access comes from its permissions and installations. */
  scopes: string[];
};

/** The app people connect through: the GitHub App when one is configured, else the OAuth app. */
export function connectApp(): ConnectApp {
  const env = getEnv();
  if (env.githubApp) {
    return { kind: "github_app", clientId: env.githubApp.clientId, clientSecret: env.githubApp.clientSecret, scopes: [] };
  }
  return { kind: "oauth_app", clientId: env.connect.clientId, clientSecret: env.connect.clientSecret, scopes: env.connect.scopes };
}

export function callbackUrl(): string {
  return `${getEnv().appUrl}/api/github/callback`;
}
