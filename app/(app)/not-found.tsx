import Link from "next/link";

// Inside the shell: an unknown page under the app, or something this person may not see.
export default function AppNotFound() {
  return (
    <section className="notice">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>There is nothing here, or you do not have access to it.</p>
      <Link href="/dashboard">Back to your dashboard</Link>
    </section>
  );
}
