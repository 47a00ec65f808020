import { expect, it } from "vitest";
import { DEMO } from "@/packages/github-emulator/src/index";
import { DEMO_CONNECT_APP, DEMO_GITHUB_APP, DEMO_SIGN_IN_APP } from "@/lib/config/demo";

it("demo mode uses the credentials the emulator registers", () => {
  expect(DEMO_SIGN_IN_APP).toEqual(DEMO.signIn);
  expect(DEMO_CONNECT_APP).toEqual(DEMO.connect);
  expect(DEMO_GITHUB_APP).toEqual({
    appId: String(DEMO.githubApp.id),
    slug: DEMO.githubApp.slug,
    clientId: DEMO.githubApp.clientId,
    clientSecret: DEMO.githubApp.clientSecret,
    webhookSecret: DEMO.githubApp.webhookSecret,
  });
});
