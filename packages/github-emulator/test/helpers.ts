import { Octokit } from "@octokit/rest";
import type { RunningEmulator } from "../src/index";

// Helpers for the package's own tests (not exported): real Octokit clients pointed at the emulator.

/** @octokit/rest pointed at the emulator, the way oauth-methods wants it (it strips /api/v3 for web routes). */
export function octokitFor(emu: RunningEmulator, token?: string): Octokit {
  return new Octokit({ baseUrl: emu.apiUrl, auth: token, log: { debug() {}, info() {}, warn() {}, error() {} } });
}

export function emulatorRequest(emu: RunningEmulator) {
  return octokitFor(emu).request;
}
