import Link from "next/link";

// The shell of every signed-in page: header and navigation render at once; pages stream inside.
export default function AppShellLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-header">
        <Link href="/dashboard" className="brand">
          Hublink
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/dashboard">Dashboard</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main className="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}
