import { describe, expect, it } from "vitest";
import { defaultApps, parseApps } from "../src/index";

describe("parseApps (the --apps file)", () => {
  it("fills GitHub App defaults and the kind", () => {
    const apps = parseApps({ githubApp: { id: 5, slug: "x", clientId: "Iv1", clientSecret: "s", webhookSecret: "w" } });
    expect(apps).toEqual({
      githubApp: {
        kind: "github_app",
        id: 5,
        slug: "x",
        name: "x",
        clientId: "Iv1",
        clientSecret: "s",
        webhookSecret: "w",
        webhookUrl: null,
        callbackUrls: [],
        setupUrl: null,
        requestOAuthOnInstall: false,
        expireUserTokens: true,
        permissions: { metadata: "read" },
        events: [],
      },
    });
  });

  it("names the first bad field", () => {
    expect(() => parseApps({ oauthApps: [{ clientId: "a", clientSecret: "b" }] })).toThrow(
      "oauthApps[0].callbackUrl must be a non-empty string",
    );
    expect(() => parseApps({ githubApp: { id: "1" } })).toThrow("githubApp.id must be an integer");
    expect(() => parseApps([])).toThrow("JSON object");
  });

  it("defaults hang below the app URL", () => {
    const apps = defaultApps("http://localhost:5000/");
    expect(apps.oauthApps[0]?.callbackUrl).toBe("http://localhost:5000/callback");
    expect([apps.githubApp.webhookUrl, apps.githubApp.setupUrl]).toEqual([
      "http://localhost:5000/webhooks",
      "http://localhost:5000/callback",
    ]);
  });
});
