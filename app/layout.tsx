import type { Metadata } from "next";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
