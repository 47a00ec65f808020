import { installGitHubApp } from "@/app/(app)/actions";
import { getEnv } from "@/lib/config/env";

/** A button that sends the person to install the GitHub App, bringing them back to `returnTo`. */
export function InstallAppButton({
  returnTo,
  label = "Install GitHub App",
  primary = false,
}: {
  returnTo: string;
  label?: string;
  primary?: boolean;
}) {
  return (
    <form action={installGitHubApp}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className={primary ? "btn btn-primary" : "btn"}>
        {label}
      </button>
    </form>
  );
}

/** With a GitHub App, seeing no repositories usually means the app is not installed where they are. */
export function InstallAppPrompt({ returnTo }: { returnTo: string }) {
  if (!getEnv().githubApp) return null;
  return (
    <form action={installGitHubApp} className="install-prompt">
      <p>
        Hublink&apos;s GitHub App sees no repositories yet. Install it on your account or an organisation to choose
        which ones it may read.
      </p>
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="btn btn-primary">
        Install GitHub App
      </button>
    </form>
  );
}
