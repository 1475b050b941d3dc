"use client";
import { setNonce } from "get-nonce";
import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { Toaster } from "./sonner";

/**
 * Client-wide providers. The CSP nonce (proxy.ts) goes to next-themes (its pre-paint script) and to
 * get-nonce, which react-remove-scroll (Radix dialogs' scroll lock) stamps on the <style> it adds.
 */
export function Providers({ nonce: serverNonce, children }: { nonce: string | undefined; children: ReactNode }) {
  // In the browser the page's own nonce is read from Next's scripts (the `nonce` property survives
  // the browser hiding the attribute): the prop did not reach the client-side libraries in testing.
  const nonce = typeof document === "undefined" ? serverNonce : document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || serverNonce;
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
      <Toaster />
    </ThemeProvider>
  );
}
