// @hublink/github-emulator/testing: what a test suite needs around a running emulator.

export {
  emulatorControl,
  EmulatorControlError,
  type EmulatorControl,
  type FaultSpec,
  type IssuedTokens,
  type ListedInstallation,
  type ListedInstallationRequest,
  type ListedToken,
} from "./control";
export { startTestEmulator } from "./start";
export { Browser, authorize, exchange, hiddenInputs, pkcePair, tokenFor, type AuthorizeResult } from "./browser";
export { startWebhookReceiver, useEmulatorWithReceiver, type ReceivedWebhook, type WebhookReceiver } from "./receiver";
export { signWebhookBody } from "../webhooks";
