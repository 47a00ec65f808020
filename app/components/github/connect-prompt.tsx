import Link from "next/link";

// Shown by every GitHub page while no connection exists: what Hublink needs, and the one button.
export function ConnectPrompt({ returnTo }: { returnTo: string }) {
  return (
    <div className="empty-state">
      <h2>Connect GitHub to see your work</h2>
      <p>Hublink shows your repositories, issues and pull requests once it may read them.</p>
      <Link href={`/api/github/connect?returnTo=${encodeURIComponent(returnTo)}`} className="btn btn-primary" prefetch={false}>
        Connect GitHub
      </Link>
    </div>
  );
}
