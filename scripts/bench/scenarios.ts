// The benchmark's scenarios, run against one variant (its app instances share one database).
// Views alternate between instances, so with two instances on PostgreSQL every scenario exercises
// the shared cache and the cross-instance refresh claim.
import type { EmulatorControl } from "@hublink/github-emulator/testing";
import type { Database } from "../../lib/db/create-client";
import { scenario, sequentialCalls, view, type Row, type View } from "./measure";

export type Variant = { name: string; label: string; dir: string; env: Record<string, string> };
export type Instance = { url: string; env: NodeJS.ProcessEnv };
type Person = { login: string; userId: string; sessionToken: string };

export const SCENARIOS = {
  cold: "cold view",
  warmFresh: "warm view, within max-age",
  warmRevalidated: "warm view, after max-age",
  manyCold: "20 views at once, cold",
  manyWarm: "20 views at once, warm (within max-age)",
  storm: "50 tabs of one person after token + max-age expiry",
  unavailable: "GitHub failing (502), warm cache, one view per person",
  sequentialCold: "(a) the 5 calls one after another, no ETags",
  sequentialWarm: "(a) the 5 calls one after another, with ETags (304s)",
} as const;

export async function runVariant(options: {
  variant: Variant;
  instances: Instance[];
  people: Person[];
  control: EmulatorControl;
  inspect: Database;
  latency: number;
  short: boolean;
  apiUrl: string;
}): Promise<(Row & { all: View[] })[]> {
  const { instances, people, control, inspect, latency, short } = options;
  const first = people[0]!;
  let turn = 0;
  const dashboard = (person: Person) =>
    view(instances[turn++ % instances.length]!.url, "/dashboard", `authjs.session-token=${person.sessionToken}`);
  const inTurn = async (times: number, before: () => Promise<unknown>, one: () => Promise<View>) => {
    const all: View[] = [];
    for (let i = 0; i < times; i++) {
      await before();
      all.push(await one());
    }
    return all;
  };
  const together = (count: number, who: (i: number) => Person) =>
    Promise.all(Array.from({ length: count }, (_, i) => dashboard(who(i))));
  const forgetAnswers = () => inspect.gitHubResponseCache.deleteMany();
  // Past max-age, as if a minute had passed. A build without freshness has no such column and
  // revalidates every answer anyway.
  const ageAnswers = () =>
    inspect.gitHubResponseCache.updateMany({ data: { freshUntil: null } }).catch(() => undefined);
  const nothing = async () => undefined;
  const repetitions = short ? 3 : 10;

  await control.latency(latency);
  // One untimed view per person and instance: the first render of a route pays for loading code.
  for (const person of people) for (let i = 0; i < instances.length; i++) await dashboard(person);

  const rows = [];
  // Sequential views go round the people: GitHub allows each person 30 searches a minute, and a
  // cold dashboard makes three.
  let next = 0;
  const nextPerson = () => dashboard(people[next++ % people.length]!);
  rows.push(await scenario(SCENARIOS.cold, control, () => inTurn(repetitions, forgetAnswers, nextPerson)));
  // Each cold view emptied the cache for everyone: one untimed view per person makes it warm again.
  for (const person of people) await dashboard(person);
  rows.push(await scenario(SCENARIOS.warmFresh, control, () => inTurn(repetitions, nothing, nextPerson)));
  rows.push(await scenario(SCENARIOS.warmRevalidated, control, () => inTurn(repetitions, ageAnswers, nextPerson)));
  await forgetAnswers();
  rows.push(await scenario(SCENARIOS.manyCold, control, () => together(20, (i) => people[i % people.length]!)));
  rows.push(await scenario(SCENARIOS.manyWarm, control, () => together(20, (i) => people[i % people.length]!)));

  await control.expire(first.login);
  await inspect.gitHubConnection.update({
    where: { userId: first.userId },
    data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
  });
  await ageAnswers();
  rows.push(await scenario(SCENARIOS.storm, control, () => together(50, () => first)));

  await ageAnswers();
  await control.addFault({ method: "GET", path: "^/(user|search)", status: 502 });
  try {
    rows.push(await scenario(SCENARIOS.unavailable, control, () => together(people.length, (i) => people[i]!)));
  } finally {
    await control.clearFaults();
  }

  if (options.variant.name === "after") {
    const token = (await control.issueToken(first.login)).access_token;
    const etags = new Map<string, string>();
    const direct = async (): Promise<View> => {
      const ms = await sequentialCalls(options.apiUrl, token, etags);
      return { ms, firstByteMs: ms, panelsMs: ms, failedPanels: 0, stalePanels: 0, ok: true };
    };
    rows.push(
      await scenario(SCENARIOS.sequentialCold, control, () => inTurn(repetitions, async () => etags.clear(), direct)),
    );
    rows.push(await scenario(SCENARIOS.sequentialWarm, control, () => inTurn(repetitions, nothing, direct)));
  }
  await control.latency(0);
  return rows;
}
