/**
 * How old the overview's figures are, in words for the page ("As of 14 min ago, refreshing"), with
 * the read's time for a `<time dateTime>` and whether to warn: the figures are served at any age
 * (cache.ts), so the page must say when they are old (past WARN_AFTER_MS) or could not be refreshed.
 * Pure: the page passes the clock.
 */
export const WARN_AFTER_MS = 5 * 60_000;

export interface FiguresAge {
  /** "As of 40 s ago, refreshing" */
  text: string;
  /** ISO 8601, for `<time dateTime>` */
  dateTime: string;
  /** the absolute time, UTC, for a tooltip */
  title: string;
  warn: boolean;
}

/** "just now", "40 s ago", "14 min ago", "3 h ago", "2 days ago" (an age below zero is "just now"). */
export function agoText(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} days ago`;
}

export function figuresAge(at: Date, now: Date, state: { refreshing: boolean; failed: boolean }): FiguresAge {
  const age = now.getTime() - at.getTime();
  const suffix = state.refreshing ? ", refreshing" : state.failed ? ", the last refresh failed" : "";
  return {
    text: `As of ${agoText(age)}${suffix}`,
    dateTime: at.toISOString(),
    title: `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`,
    warn: age > WARN_AFTER_MS || state.failed,
  };
}
