// What each way a connect attempt can fail means to the person, keyed by the code the callback puts
// in the URL (never a free-form message, so nothing can be injected into the page).

export type ConnectProblem = { title: string; detail: string; forOperator?: boolean };

const PROBLEMS: Record<string, ConnectProblem> = {
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
    detail: "GitHub rejected the app's client ID or secret. The operator should check the GitHub app credentials in the configuration. Nothing was stored.",
    forOperator: true,
  },
  redirect_uri_mismatch: {
    title: "Hublink's GitHub app is misconfigured",
    detail: "GitHub rejected the callback URL. The operator should register APP_URL/api/github/callback as the app's callback URL. Nothing was stored.",
    forOperator: true,
  },
  invalid_request: {
    title: "GitHub refused the connection request",
    detail: "The request to GitHub was malformed, which points to a configuration problem for the operator. Nothing was stored.",
    forOperator: true,
  },
  install_state_invalid: {
    title: "This installation link is no longer valid",
    detail: "It expired after ten minutes or was altered. Nothing was stored — start the installation again from this page.",
  },
  install_state_foreign: {
    title: "This installation was started by another account",
    detail: "It was ignored and nothing was stored. Start again while signed in as yourself.",
  },
  installation_not_visible: {
    title: "That installation is not one you can use",
    detail: "GitHub does not list it among your installations of Hublink's app, so nothing was stored.",
  },
  install_needs_connection: {
    title: "Connect GitHub first",
    detail: "Hublink needs your GitHub connection to check the installation. Nothing was stored.",
  },
  github_unreachable: {
    title: "GitHub could not be reached",
    detail: "Nothing was stored. Please try again in a moment.",
  },
};

const UNKNOWN: ConnectProblem = {
  title: "Connecting GitHub did not work",
  detail: "GitHub returned an unexpected answer. Nothing was stored — please try again.",
};

export function connectProblem(code: string): ConnectProblem {
  return PROBLEMS[code] ?? UNKNOWN;
}
