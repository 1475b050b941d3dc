import type { Metadata } from "next";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import "./globals.css";

export const metadata: Metadata = { title: "Better Auth Admin", robots: { index: false, follow: false } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next stamps the request's CSP nonce (proxy.ts) on its scripts
  // only at render time; a page prerendered at build time would carry none and be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <NuqsAdapter>{children}</NuqsAdapter>
      </body>
    </html>
  );
}
