"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// The shell's navigation. A client component because the shell's layout does not re-render between
// pages: the current item (aria-current and its underline) follows the URL here.

const ITEMS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/repos", label: "Repositories" },
  { href: "/pulls", label: "Pull requests" },
  { href: "/issues", label: "Issues" },
  { href: "/settings/connections", label: "Connections" },
];

function NavList() {
  const pathname = usePathname();
  return (
    <ul>
      {ITEMS.map(({ href, label }) => (
        <li key={href}>
          <Link href={href} aria-current={pathname === href || pathname.startsWith(`${href}/`) ? "page" : undefined}>
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Wide screens: a row of links. Phones: the same links behind a "Menu" button (a <details>, no script needed). */
export function ShellNav() {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A followed link closes the phone menu.
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <>
      <nav aria-label="Main" className="nav-wide">
        <NavList />
      </nav>
      <details className="nav-menu" ref={menu}>
        <summary>Menu</summary>
        <nav aria-label="Main">
          <NavList />
        </nav>
      </details>
    </>
  );
}

/**
 * After a client-side navigation, focus moves to the new page's heading, as a full page load would
 * put a screen reader at the top of the new page. The first render (a full load) leaves focus alone.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}

/** The shell's note about a pending installation request; the connections page lists the requests itself. */
export function PendingApprovalNotice() {
  if (usePathname() === "/settings/connections") return null;
  return (
    <p className="notice notice-attention" role="status">
      Waiting for an organisation admin to approve the installation of Hublink&apos;s GitHub App.{" "}
      <Link href="/settings/connections">See connections</Link>
    </p>
  );
}
