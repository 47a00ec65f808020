// Signs the benchmark's people in and connects them, as the connect flow leaves them: a database
// session (the cookie a browser would hold) and a GitHub App connection whose tokens the emulator
// issued, stored encrypted by the app's own store. Run in its own process (with the react-server
// condition, so lib's server-only modules load) against the app's database; prints JSON.
import { randomBytes } from "node:crypto";
import { emulatorControl } from "@hublink/github-emulator/testing";

const [emulatorUrl, ...logins] = process.argv.slice(2);
if (!emulatorUrl || logins.length === 0) throw new Error("usage: seed.ts <emulator url> <login>…");

const { db } = await import("../../lib/db/client");
const { saveGrant } = await import("../../lib/github/connection/store");
const { getEnv } = await import("../../lib/config/env");
const control = emulatorControl(emulatorUrl);

const people = [];
for (const login of logins) {
  const issued = await control.issueToken(login, { clientId: getEnv().githubApp?.clientId });
  const user = await db.user.create({ data: { login, name: login, email: `${login}@bench.example` } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  const me = (await (
    await fetch(`${emulatorUrl}/api/v3/user`, { headers: { authorization: `token ${issued.access_token}` } })
  ).json()) as { id: number };
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  await saveGrant(
    user.id,
    { id: me.id, login },
    {
      accessToken: issued.access_token,
      accessTokenExpiresAt: at(issued.expires_at),
      refreshToken: issued.refresh_token,
      refreshTokenExpiresAt: at(issued.refresh_token_expires_at),
      scopes: issued.scopes,
    },
    "github_app",
  );
  people.push({ login, userId: user.id, sessionToken });
}
await db.$disconnect();
process.stdout.write(JSON.stringify(people));
