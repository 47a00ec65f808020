import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { PATH_HEADER } from "../navigation/paths";
import { safeReturnTo } from "../navigation/return-to";

export type SignedInUser = { id: string; login: string | null; name: string | null; image: string | null };

/** The signed-in person, or null for a visitor. */
export async function currentUser(): Promise<SignedInUser | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, login, name, image } = session.user;
  return { id, login, name: name ?? null, image: image ?? null };
}

/** The signed-in person, or a redirect to the landing page that returns here after sign-in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) {
    const here = safeReturnTo((await headers()).get(PATH_HEADER));
    redirect(`/?returnTo=${encodeURIComponent(here)}`);
  }
  return user;
}
