import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Providers } from "@/components/ui/providers";
import "./globals.css";

export const metadata: Metadata = { title: "Better Auth Admin", robots: { index: false, follow: false } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next stamps the request's CSP nonce (proxy.ts) on its scripts
  // only at render time; a page prerendered at build time would carry none and be blocked.
  await connection();
  // The nonce proxy.ts put in the request's CSP, for the libraries that add their own <script>/<style>.
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
  return (
    // next-themes sets class="dark" on <html> before hydration: the one attribute allowed to differ.
    <html lang="en" suppressHydrationWarning>
      <body className="bg-background font-sans text-foreground antialiased">
        <Providers nonce={nonce}>
          <NuqsAdapter>{children}</NuqsAdapter>
        </Providers>
      </body>
    </html>
  );
}
