import Link from "next/link";

export default function NotFound() {
  return (
    <main className="landing">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist.</p>
      <Link href="/">Go to the Hublink home page</Link>
    </main>
  );
}
