import type { Metadata } from "next";
import { connection } from "next/server";
import { getEnv } from "@/lib/config/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hublink", template: "%s · Hublink" },
  description: "Connect GitHub to your app and keep it connected.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response a fresh CSP nonce, which
  // Next puts on its scripts — a page prerendered at build time would carry none and not run.
  await connection();
  const { demoMode } = getEnv();
  return (
    <html lang="en">
      <body>
        {demoMode && (
          <p className="demo-banner" role="status">
            Demo mode — local GitHub emulator
          </p>
        )}
        {children}
      </body>
    </html>
  );
}
