import { signOutAction } from "@/app/(app)/actions";

/** Signing out is a POST (a server action), never a link a prefetch or a crawler could follow. */
export function SignOutButton({ small = false }: { small?: boolean }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={small ? "btn btn-small" : "btn"}>
        Sign out
      </button>
    </form>
  );
}
