"use client";

import { usePathname } from "next/navigation";

/** The address asked for: a not-found page receives no params, but the client router knows the URL. */
export function RequestedPath() {
  return <code>{usePathname()}</code>;
}
