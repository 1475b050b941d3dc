import Link from "next/link";
import { DEFAULT_SPAM_WINDOW, SPAM_WINDOWS, type SpamWindow } from "@/lib/spam/search-params";
import { pillClass } from "./band-links";

const LABELS: Record<SpamWindow, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days", "365d": "365 days", all: "Everyone" };

/**
 * Which sign-ups are scored: the moderator's choice, not a fixed 30 days, so an inherited backlog
 * (a wave from months ago) can be reviewed. Plain links: each window is its own cached result, a
 * shareable view, and a changed window starts on the first page (a cursor belongs to one result).
 */
export function WindowLinks({ current, params }: { current: SpamWindow; params: Record<string, string> }) {
  const href = (w: SpamWindow) => {
    const next = new URLSearchParams({ ...(params.minScore ? { minScore: params.minScore } : {}), ...(w === DEFAULT_SPAM_WINDOW ? {} : { since: w }) });
    return next.size ? `/spam?${next.toString()}` : "/spam";
  };
  return (
    <nav className="flex min-w-0 flex-wrap items-center gap-1.5" aria-label="Scored sign-ups" data-testid="spam-window">
      <span className="mr-1 text-sm text-muted-foreground">Sign-ups scored:</span>
      {(Object.keys(SPAM_WINDOWS) as SpamWindow[]).map((w) => (
        // No prefetch: a window nobody looked at yet is scored on the first visit.
        <Link key={w} href={href(w)} prefetch={false} className={pillClass} aria-current={w === current ? "page" : undefined}>
          {LABELS[w]}
        </Link>
      ))}
    </nav>
  );
}
