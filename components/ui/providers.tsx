"use client";
import { setNonce } from "get-nonce";
import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { Toaster } from "./sonner";

/**
 * Client-wide providers. The CSP nonce (proxy.ts) goes to next-themes (its pre-paint script) and to
 * get-nonce, which react-remove-scroll (Radix dialogs' scroll lock) stamps on the <style> it adds.
 */
export function Providers({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
      <Toaster />
    </ThemeProvider>
  );
}
