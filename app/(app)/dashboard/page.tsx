import { getConnectionSummary } from "@/lib/github/connection";
import { requireUser } from "@/lib/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const connection = await getConnectionSummary(user.id);
  return (
    <section>
      <h1>Dashboard</h1>
      {connection?.status === "connected" ? (
        <p>Connected as @{connection.login}.</p>
      ) : (
        <div className="empty-state">
          <h2>Connect GitHub to see your work</h2>
          <p>Hublink shows your repositories, issues and pull requests once it may read them.</p>
          <a href="/api/github/connect?returnTo=%2Fdashboard" className="btn btn-primary">
            Connect GitHub
          </a>
        </div>
      )}
    </section>
  );
}
