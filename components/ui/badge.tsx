import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-secondary text-secondary-foreground",
  success: "bg-success-bg text-success-fg",
  warning: "bg-warning-bg text-warning-fg",
  danger: "border-danger-fg/30 bg-danger-bg text-danger-fg",
  info: "bg-info-bg text-info-fg",
  accent: "bg-violet-bg text-violet-fg",
};
/** shadcn's Badge shape; also used by ProviderBadge. */
export const badgeClass = "inline-flex h-5 items-center rounded-full border border-transparent px-[7px] text-xs leading-none font-medium whitespace-nowrap";

/**
 * A small status label. `title` carries detail (a ban reason, a raw value) for a hover tooltip;
 * the visible text must make sense on its own, since tooltips are not reachable by every user.
 */
export function Badge({ tone = "neutral", title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    // "badge badge-<tone>" name it for the browser tests (no CSS of their own).
    <span className={cn("badge", `badge-${tone}`, badgeClass, tones[tone], title && "cursor-help")} title={title}>
      {children}
    </span>
  );
}
