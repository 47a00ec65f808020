"use server";

import { signIn } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/navigation/return-to";

export async function signInWithGitHub(formData: FormData) {
  await signIn("github", { redirectTo: safeReturnTo(formData.get("returnTo")) });
}
