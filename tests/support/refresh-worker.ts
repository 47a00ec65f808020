// A second app process for the cross-process refresh storm: same lib code, same DATABASE_URL (the
// parent passes its environment), its own database connection and in-process state. It asks for
// the person's repositories' owner `count` times at once when the parent writes a line to stdin,
// and prints the outcomes as one JSON line.
//   node --conditions=react-server --import tsx tests/support/refresh-worker.ts <userId> <count>
// (react-server: `server-only` resolves to its empty module, as in the app's server bundle.)
import { once } from "node:events";
import { db } from "../../lib/db/client";
import { githubFor } from "../../lib/github/client";

const [userId, count] = process.argv.slice(2);
if (!userId || !count) throw new Error("usage: refresh-worker.ts <userId> <count>");

await db.gitHubConnection.count(); // connect before the race starts
process.stdout.write("ready\n");
await once(process.stdin, "data");
const outcomes = await Promise.allSettled(
  Array.from({ length: Number(count) }, () =>
    githubFor(userId)
      .request("GET /user")
      .then((r) => r.data.login),
  ),
);
process.stdout.write(
  `${JSON.stringify(outcomes.map((o) => (o.status === "fulfilled" ? o.value : String(o.reason))))}\n`,
);
await db.$disconnect();
process.exit(0);
