// The e2e suite's handle on the GitHub emulator's test controls (/_emulator/*): the package's client,
// bound to the emulator Playwright starts.
import { emulatorControl as controlFor } from "@hublink/github-emulator/testing";
import { E2E_EMULATOR_URL } from "../config";

export const emulatorControl = controlFor(E2E_EMULATOR_URL);
