import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../index";

/**
 * An emulator for a test: free port, app URL on a closed port (http://127.0.0.1:9, so webhooks go
 * nowhere unless you say otherwise) and quick webhook retries (50 ms, 100 ms).
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, appUrl: "http://127.0.0.1:9", webhookRetryDelaysMs: [50, 100], ...options });
}
