import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionCookieName, userOfSession, type SignedInUser } from "./session-user";
import { PATH_HEADER } from "../navigation/paths";
import { safeReturnTo } from "../navigation/return-to";

export type { SignedInUser };

/** The signed-in person, or null for a visitor; read once per request however many components ask. */
export const currentUser = cache(async (): Promise<SignedInUser | null> =>
  userOfSession((await cookies()).get(sessionCookieName())?.value),
);

/** The signed-in person, or a redirect to the landing page that returns here after sign-in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) {
    const here = safeReturnTo((await headers()).get(PATH_HEADER));
    redirect(`/?returnTo=${encodeURIComponent(here)}`);
  }
  return user;
}
