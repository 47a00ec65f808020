import Link from "next/link";
import { AppShell } from "@/app/components/app-shell";
import { PageNotFound } from "@/app/components/page-not-found";
import { currentUser } from "@/lib/auth/session";

// Every address no route matches lands here, outside the route groups. A signed-in person stays in
// the app's shell (header and navigation), as on any other page of the app; a visitor gets the
// public page. Either way the answer is a 404: nothing above this streams first.
export default async function NotFound() {
  const user = await currentUser();
  if (user) {
    return (
      <AppShell user={user}>
        <PageNotFound />
      </AppShell>
    );
  }
  return (
    <main className="landing">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist.</p>
      <Link href="/">Go to the Hublink home page</Link>
    </main>
  );
}
