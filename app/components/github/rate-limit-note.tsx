import { lastRateLimit } from "@/lib/github/api/rate-limit";
import { formatTime } from "@/app/components/time";

// The footer's small line about GitHub's hourly allowance, from the headers of the last answer —
// it costs no request. Near exhaustion it says when the allowance comes back.
export function RateLimitNote({ userId }: { userId: string }) {
  const rate = lastRateLimit(userId);
  if (!rate) return null;
  return (
    <p className={rate.low ? "rate-limit rate-limit-low" : "rate-limit"}>
      GitHub API: {rate.remaining.toLocaleString("en")} of {rate.limit.toLocaleString("en")} requests left this hour
      {rate.low && <>; more {formatTime(rate.resetAt)}</>}.
    </p>
  );
}
