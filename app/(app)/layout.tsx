import { AppShell } from "@/app/components/app-shell";
import { requireUser } from "@/lib/auth/session";

// Every signed-in page sits in the shell; signed-out visitors go to the landing page and back.
export default async function AppShellLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
