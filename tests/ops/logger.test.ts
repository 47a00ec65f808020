// The logger never writes a token or a configured secret, whatever a call site passes: tokens that
// GitHub (the emulator) really issued are logged on purpose — in the message, in fields, nested,
// inside an error — and the written lines are searched for them.
import { Writable } from "node:stream";
import { startEmulator, type RunningEmulator } from "@hublink/github-emulator";
import { emulatorControl } from "@hublink/github-emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmulatorApps } from "@/lib/config/demo";
import { parseEnv, secretsOf } from "@/lib/config/env";
import { createLogger } from "@/lib/ops/logger";
import { requestContext } from "@/lib/ops/request-context";
import { e2eAppEnv } from "@/e2e/config";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

describe("logger", () => {
  let emulator: RunningEmulator;
  let issued: { access_token: string; refresh_token: string | null };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, apps: demoEmulatorApps("http://127.0.0.1:9") });
    issued = await emulatorControl(emulator.url).issueToken("octocat", {
      clientId: emulator.apps.githubApp.clientId,
    });
  });
  afterAll(async () => emulator?.stop());

  it("replaces GitHub tokens wherever they appear, before the line is written", () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", pretty: false, secrets: [], destination });
    const access = issued.access_token;
    const refresh = issued.refresh_token!;
    expect(access).toMatch(/^ghu_/);
    expect(refresh).toMatch(/^ghr_/);
    const pat = `github_pat_11ABCDEFG0123456789_${"x".repeat(40)}`;

    log.warn(`refresh failed for ${access}`);
    log.info({ token: access, nested: { list: [refresh], header: `token ${pat}` } }, "fields");
    log.error({ err: new Error(`GitHub said no to ${access}`) }, "error with a token in its message and stack");

    const output = lines.join("\n");
    expect(lines).toHaveLength(3);
    for (const secret of [access, refresh, pat]) expect(output).not.toContain(secret);
    // Everything around the tokens is kept, so the line still says what happened.
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", msg: "refresh failed for [REDACTED]" });
    expect(JSON.parse(lines[1]!)).toMatchObject({ token: "[REDACTED]", nested: { list: ["[REDACTED]"] } });
    expect(JSON.parse(lines[2]!).err.message).toBe("GitHub said no to [REDACTED]");
  });

  // The line is redacted as written, JSON-escaped: a token right after a newline or a tab follows
  // the letter of its escape ("\\nghu_…"), and one in URL-encoded text follows a digit ("%20ghu_…").
  it("replaces a token that follows a line break, a tab or a URL-encoded separator", () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", pretty: false, secrets: [], destination });
    const access = issued.access_token;
    const refresh = issued.refresh_token!;

    log.warn(`GitHub answered:\n${access}`);
    log.info({ body: `token\t${refresh}` }, "a field with a tab");
    log.info(`authorization=Bearer%20${access}`);
    log.error({ err: new Error(`the token endpoint refused\n${refresh}`) }, "an error whose message has a line break");

    const output = lines.join("\n");
    expect(lines).toHaveLength(4);
    for (const secret of [access, refresh]) expect(output).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "GitHub answered:\n[REDACTED]" });
    expect(JSON.parse(lines[1]!)).toMatchObject({ body: "token\t[REDACTED]" });
    expect(JSON.parse(lines[2]!)).toMatchObject({ msg: "authorization=Bearer%20[REDACTED]" });
  });

  it("replaces every secret from the configuration, even inside JSON escapes", () => {
    const env = parseEnv({ ...e2eAppEnv, METRICS_TOKEN: "metrics-token-0123456789abcdef" });
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", pretty: false, secrets: secretsOf(env), destination });
    const secrets = [
      e2eAppEnv.AUTH_SECRET!,
      e2eAppEnv.SESSION_SECRET!,
      e2eAppEnv.TOKEN_ENCRYPTION_KEY!,
      e2eAppEnv.GITHUB_APP_CLIENT_SECRET!,
      e2eAppEnv.GITHUB_WEBHOOK_SECRET!,
      "metrics-token-0123456789abcdef",
    ];
    log.info({ config: secrets }, `all of them: ${secrets.join(" ")}`);
    const output = lines.join("\n");
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output.match(/\[REDACTED\]/g)?.length).toBe(secrets.length * 2);
  });

  it("adds the request id of the request being served", () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", pretty: false, secrets: [], destination });
    requestContext.run({ requestId: "req-42" }, () => log.info("inside a request"));
    log.info("outside");
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-42", msg: "inside a request" });
    expect(JSON.parse(lines[1]!)).not.toHaveProperty("requestId");
  });
});
