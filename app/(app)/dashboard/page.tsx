import Link from "next/link";

export const metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <section>
      <h1>Dashboard</h1>
      <div className="empty-state">
        <h2>GitHub is not connected yet</h2>
        <p>Once you connect GitHub, your repositories, issues and pull requests appear here.</p>
        <Link href="/" className="btn btn-primary">
          Back to the start page
        </Link>
      </div>
    </section>
  );
}
