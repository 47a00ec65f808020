import type { ConnectionStatus } from "@/lib/github/connection/status";

const LABELS: Record<ConnectionStatus | "none", string> = {
  connected: "Connected",
  revoked: "Revoked",
  expired: "Expired",
  disconnected: "Not connected",
  none: "Not connected",
};

export function ConnectionBadge({ status }: { status: ConnectionStatus | null }) {
  const key = status ?? "none";
  return <span className={`badge badge-${key}`}>{LABELS[key]}</span>;
}
