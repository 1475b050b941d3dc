import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

/**
 * A small status label. `title` carries detail (a ban reason, a raw value) for a hover tooltip;
 * the visible text must make sense on its own, since tooltips are not reachable by every user.
 */
export function Badge({ tone = "neutral", title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
