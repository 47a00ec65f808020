import { readFileSync } from "node:fs";
import type { EmulatorApps } from "./apps";
import type { GitHubApp, OAuthApp, Permissions } from "./model";

// Apps from a JSON file (`github-emulator --apps apps.json` or GITHUB_EMULATOR_APPS=apps.json).
// Shape: { "oauthApps": [OAuthApp…], "githubApp": GitHubApp }, either part optional; `kind` may be omitted.

type Json = Record<string, unknown>;

class AppsFileError extends Error {}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function text(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") throw new AppsFileError(`${where}.${key} must be a non-empty string`);
  return v;
}

function optionalText(o: Json, key: string, where: string): string | null {
  if (o[key] === undefined || o[key] === null) return null;
  return text(o, key, where);
}

function oauthApp(v: unknown, where: string): OAuthApp {
  if (!isObject(v)) throw new AppsFileError(`${where} must be an object`);
  return {
    kind: "oauth_app",
    name: typeof v.name === "string" ? v.name : text(v, "clientId", where),
    clientId: text(v, "clientId", where),
    clientSecret: text(v, "clientSecret", where),
    callbackUrl: text(v, "callbackUrl", where),
  };
}

function githubApp(v: unknown): GitHubApp {
  const where = "githubApp";
  if (!isObject(v)) throw new AppsFileError(`${where} must be an object`);
  if (typeof v.id !== "number" || !Number.isInteger(v.id)) throw new AppsFileError(`${where}.id must be an integer`);
  const callbackUrls = v.callbackUrls ?? [];
  if (!Array.isArray(callbackUrls) || callbackUrls.some((u) => typeof u !== "string"))
    throw new AppsFileError(`${where}.callbackUrls must be a list of URLs`);
  const events = v.events ?? [];
  if (!Array.isArray(events) || events.some((e) => typeof e !== "string"))
    throw new AppsFileError(`${where}.events must be a list of event names`);
  if (v.permissions !== undefined && !isObject(v.permissions))
    throw new AppsFileError(`${where}.permissions must be an object`);
  return {
    kind: "github_app",
    id: v.id,
    slug: text(v, "slug", where),
    name: typeof v.name === "string" ? v.name : text(v, "slug", where),
    clientId: text(v, "clientId", where),
    clientSecret: text(v, "clientSecret", where),
    webhookSecret: text(v, "webhookSecret", where),
    webhookUrl: optionalText(v, "webhookUrl", where),
    callbackUrls: callbackUrls as string[],
    setupUrl: optionalText(v, "setupUrl", where),
    requestOAuthOnInstall: v.requestOAuthOnInstall === true,
    expireUserTokens: v.expireUserTokens !== false,
    permissions: (v.permissions as Permissions | undefined) ?? { metadata: "read" },
    events: events as string[],
  };
}

/** Validates parsed JSON into apps; throws an Error naming the first bad field. */
export function parseApps(json: unknown): Partial<EmulatorApps> {
  if (!isObject(json)) throw new AppsFileError("the apps file must hold a JSON object");
  const apps: Partial<EmulatorApps> = {};
  if (json.oauthApps !== undefined) {
    if (!Array.isArray(json.oauthApps)) throw new AppsFileError("oauthApps must be a list");
    apps.oauthApps = json.oauthApps.map((a, i) => oauthApp(a, `oauthApps[${i}]`));
  }
  if (json.githubApp !== undefined) apps.githubApp = githubApp(json.githubApp);
  return apps;
}

export function readAppsFile(path: string): Partial<EmulatorApps> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`cannot read apps file ${path}: ${(error as Error).message}`);
  }
  try {
    return parseApps(json);
  } catch (error) {
    throw new Error(`apps file ${path}: ${(error as Error).message}`);
  }
}
