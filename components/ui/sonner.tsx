"use client";
import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** shadcn/ui's sonner Toaster, following the theme. Its CSS: see SONNER_STYLE_HASH (lib/http/security.ts). */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      style={{ "--normal-bg": "var(--popover)", "--normal-text": "var(--popover-foreground)", "--normal-border": "var(--border)" } as React.CSSProperties}
    />
  );
}
