import { readFileSync } from "node:fs";
import { E2E_APP_PORT } from "../config";

/** Written by launch.ts: which pid serves which instance port. */
export const CLUSTER_STATE = `data/cluster-${E2E_APP_PORT}.json`;

export const instanceLog = (port: number) => `data/e2e-server-${port}.log`;

export function clusterInstances(): { port: number; pid: number }[] {
  return (JSON.parse(readFileSync(CLUSTER_STATE, "utf8")) as { instances: { port: number; pid: number }[] }).instances;
}
