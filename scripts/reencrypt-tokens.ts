// Run by `npm start` and `npm run dev` after the schema migrations (in a process of its own, with
// the react-server condition, as the app's server code expects): re-encrypts stored tokens written
// in an older format or under a retired key. See reencryptStoredTokens in lib/github/connection/store.ts.
import { db } from "../lib/db/client";
import { reencryptStoredTokens } from "../lib/github/connection/store";

try {
  const count = await reencryptStoredTokens();
  if (count) console.log(`re-encrypted the stored tokens of ${count} connection${count === 1 ? "" : "s"}`);
} finally {
  await db.$disconnect();
}
