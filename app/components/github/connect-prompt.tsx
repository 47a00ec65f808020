import { connectPath } from "@/lib/navigation/paths";

// Shown by every GitHub page while no connection exists: what Hublink needs, and the one button.
// A plain anchor: the connect route handler redirects to GitHub, which client navigation cannot follow.
export function ConnectPrompt({ returnTo }: { returnTo: string }) {
  return (
    <div className="empty-state">
      <h2>Connect GitHub to see your work</h2>
      <p>Hublink shows your repositories, issues and pull requests once it may read them.</p>
      <a href={connectPath(returnTo)} className="btn btn-primary">
        Connect GitHub
      </a>
    </div>
  );
}
