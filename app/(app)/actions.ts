"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth, signOut } from "@/lib/auth/auth";
import { flowCookieOptions } from "@/lib/auth/flow-cookie-options";
import { getEnv } from "@/lib/config/env";
import { disconnect } from "@/lib/github/connection/disconnect";
import { INSTALL_COOKIE, INSTALL_TTL_SECONDS, signInstallState } from "@/lib/github/installations/install-state";
import { safeReturnTo } from "@/lib/navigation/return-to";

export async function signOutAction() {
  await signOut({ redirectTo: "/?notice=signed-out" });
}

export async function disconnectGitHub() {
  // Server actions are public endpoints: check the session here, not only in the page.
  const session = await auth();
  if (!session?.user?.id) redirect("/?returnTo=/settings/connections");
  const result = await disconnect(session.user.id);
  // The header shows the connection status too: re-render the whole shell, not only this page.
  revalidatePath("/", "layout");
  redirect(
    result && !result.revokedAtGitHub
      ? "/settings/connections?notice=disconnected_locally"
      : "/settings/connections?notice=disconnected",
  );
}

export async function installGitHubApp(formData: FormData) {
  const session = await auth();
  const returnTo = safeReturnTo(formData.get("returnTo"));
  if (!session?.user?.id) redirect(`/?returnTo=${encodeURIComponent(returnTo)}`);
  const { github, githubApp } = getEnv();
  if (!githubApp) redirect("/settings/connections");
  const { state, binding } = await signInstallState(session.user.id, returnTo);
  // Binds the installation to this browser: the setup callback accepts the state only with this cookie.
  (await cookies()).set(INSTALL_COOKIE, binding, flowCookieOptions(INSTALL_TTL_SECONDS));
  redirect(`${github.url}/apps/${githubApp.slug}/installations/new?state=${encodeURIComponent(state)}`);
}
