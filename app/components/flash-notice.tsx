"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

// A one-time notice after something that happened elsewhere (GitHub's callback): the callback adds
// ?notice=…, this shows the sentence once and takes the parameter out of the address, so a reload
// or a bookmark does not repeat it. Unknown values show nothing.

const NOTICES: Record<string, string> = {
  connected: "GitHub is connected. Hublink can now read your repositories, issues and pull requests.",
  installed: "Hublink's GitHub App is installed. Its repositories appear in your lists.",
};

export function FlashNotice() {
  const params = useSearchParams();
  const [message] = useState(() => NOTICES[params.get("notice") ?? ""] ?? null);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("notice")) return;
    url.searchParams.delete("notice");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
  if (!message) return null;
  return (
    <p className="notice notice-success" role="status">
      {message}
    </p>
  );
}
