import { Suspense } from "react";
import { ConnectPrompt } from "@/app/components/github/connect-prompt";
import { hasConnection } from "@/lib/github/connection/summary";
import { PanelSkeleton } from "@/app/components/github/panel";
import { requireUser } from "@/lib/auth/session";
import { ProfilePanel, RecentRepositoriesPanel, WorkPanel } from "./panels";

export const metadata = { title: "Dashboard" };

// The shell renders at once; the five panels ask GitHub side by side and stream in as they answer.
export default async function DashboardPage() {
  const user = await requireUser();
  if (!(await hasConnection(user.id))) {
    return (
      <section>
        <h1>Dashboard</h1>
        <ConnectPrompt returnTo="/dashboard" />
      </section>
    );
  }
  return (
    <section>
      <h1>Dashboard</h1>
      <div className="dashboard-grid">
        <div className="dashboard-side">
          <Suspense fallback={<PanelSkeleton title="Profile" rows={4} size="profile" />}>
            <ProfilePanel userId={user.id} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="Recently updated repositories" rows={6} size="compact-list" />}>
            <RecentRepositoriesPanel userId={user.id} />
          </Suspense>
        </div>
        <div className="dashboard-main">
          <Suspense fallback={<PanelSkeleton title="Your pull requests" rows={5} size="pull-list" />}>
            <WorkPanel
              userId={user.id}
              id="your-pulls"
              title="Your pull requests"
              search={{ kind: "pr", filter: "created", state: "open" }}
              viewAll="/pulls"
              empty="You have no open pull requests."
            />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="Review requested" rows={5} size="pull-list" />}>
            <WorkPanel
              userId={user.id}
              id="review-requested"
              title="Review requested"
              search={{ kind: "pr", filter: "review-requested", state: "open" }}
              viewAll="/pulls?filter=review-requested"
              empty="No pull requests are waiting for your review."
            />
          </Suspense>
          <Suspense fallback={<PanelSkeleton title="Assigned issues" rows={5} size="list" />}>
            <WorkPanel
              userId={user.id}
              id="assigned-issues"
              title="Assigned issues"
              search={{ kind: "issue", filter: "assigned", state: "open" }}
              viewAll="/issues"
              empty="No open issues are assigned to you."
            />
          </Suspense>
        </div>
      </div>
    </section>
  );
}
