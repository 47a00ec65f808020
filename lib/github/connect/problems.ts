// What each way a connect attempt can fail means to the person, keyed by the code the callback puts
// in the URL (never a free-form message, so nothing can be injected into the page).

import { ZodError } from "zod";
import { GitHubUnavailableError, httpStatusOf } from "../api/errors";
import { MissingAppError } from "../api/oauth-app";
import { OAuthError, TokenEndpointUnavailableError } from "../api/token-endpoint";

export type ConnectProblem = {
  title: string;
  detail: string;
  forOperator?: boolean;
  /** A problem of the installation flow: the page offers to start installing again. */
  retryInstall?: boolean;
};

const PROBLEMS = {
  access_denied: {
    title: "You cancelled connecting GitHub",
    detail: "Nothing was stored. You can connect whenever you are ready.",
  },
  bad_verification_code: {
    title: "GitHub's answer had expired or was already used",
    detail: "Authorization codes last ten minutes and work once. Nothing was stored — please start again.",
  },
  flow_missing: {
    title: "This GitHub response was not expected",
    detail: "It does not belong to a connection started in this browser, or it was already used. Nothing was stored.",
  },
  flow_expired: {
    title: "The connection attempt timed out",
    detail: "Connecting must be finished within ten minutes. Nothing was stored — please start again.",
  },
  state_mismatch: {
    title: "This GitHub response did not match your connection attempt",
    detail: "For your safety it was ignored and nothing was stored. Please start again from this page.",
  },
  wrong_user: {
    title: "This connection attempt was started by another account",
    detail: "It was ignored and nothing was stored. Start again while signed in as yourself.",
  },
  incorrect_client_credentials: {
    title: "Hublink's GitHub app is misconfigured",
    detail:
      "GitHub rejected the app's client ID or secret. The operator should check the GitHub app credentials in the configuration. Nothing was stored.",
    forOperator: true,
  },
  redirect_uri_mismatch: {
    title: "Hublink's GitHub app is misconfigured",
    detail:
      "GitHub rejected the callback URL. The operator should register APP_URL/api/github/callback as the app's callback URL. Nothing was stored.",
    forOperator: true,
  },
  invalid_request: {
    title: "GitHub refused the connection request",
    detail:
      "The request to GitHub was malformed, which points to a configuration problem for the operator. Nothing was stored.",
    forOperator: true,
  },
  install_state_invalid: {
    title: "This installation link is no longer valid",
    detail:
      "It expired after ten minutes or was altered. Nothing was stored — start the installation again from this page.",
    retryInstall: true,
  },
  install_state_used: {
    title: "This installation link was already used",
    detail:
      "Each installation link works once. Nothing more was stored — start again from this page if something is missing.",
    retryInstall: true,
  },
  identity_mismatch: {
    title: "GitHub authorised a different account",
    detail:
      "Hublink connects the GitHub account you signed in with, and GitHub authorised another one. Nothing was stored. Switch to your own account on GitHub (or sign out of GitHub there) and connect again — or sign out of Hublink and sign in with the other account.",
  },
  install_state_foreign: {
    title: "This installation was started by another account",
    detail: "It was ignored and nothing was stored. Start again while signed in as yourself.",
    retryInstall: true,
  },
  installation_not_visible: {
    title: "That installation is not one you can use",
    detail: "GitHub does not list it among your installations of Hublink's app, so nothing was stored.",
    retryInstall: true,
  },
  install_needs_connection: {
    title: "Connect GitHub first",
    detail: "Hublink needs your GitHub connection to check the installation. Nothing was stored.",
  },
  code_missing: {
    title: "GitHub's answer was incomplete",
    detail: "It carried no authorization code. Nothing was stored — please start again.",
  },
  unverified_user_email: {
    title: "GitHub needs a verified email address first",
    detail:
      "GitHub refuses to authorize apps for accounts without a verified primary email. Verify it in your GitHub email settings, then connect again.",
  },
  github_unreachable: {
    title: "GitHub could not be reached",
    detail: "Nothing was stored. Please try again in a moment.",
  },
  unknown: {
    title: "Connecting GitHub did not work",
    detail: "GitHub returned an unexpected answer. Nothing was stored — please try again.",
  },
} as const satisfies Record<string, ConnectProblem>;

export type ConnectProblemCode = keyof typeof PROBLEMS;

/** A code from a URL or from GitHub, as one Hublink knows; anything else is `unknown`. */
export function problemCode(value: unknown): ConnectProblemCode {
  return typeof value === "string" && Object.hasOwn(PROBLEMS, value) ? (value as ConnectProblemCode) : "unknown";
}

export function connectProblem(code: unknown): ConnectProblem {
  return PROBLEMS[problemCode(code)];
}

/**
 * What a failure while talking to GitHub during connecting or installing means to the person; null
 * for anything that is not GitHub's doing (a bug, the database), which the caller rethrows.
 */
export function problemOfFailure(error: unknown): ConnectProblemCode | null {
  if (error instanceof OAuthError) return problemCode(error.code);
  if (error instanceof MissingAppError) return "invalid_request";
  if (error instanceof TokenEndpointUnavailableError || error instanceof GitHubUnavailableError)
    return "github_unreachable";
  if (httpStatusOf(error) !== undefined || (error as Error | null)?.name === "TimeoutError")
    return "github_unreachable";
  // GitHub answered, but not with what its documentation promises (e.g. /user without an id).
  if (error instanceof ZodError) return "unknown";
  return null;
}
