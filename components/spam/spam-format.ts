import type { SpamListItem } from "@/lib/spam/queries";
import { DEFAULT_SPAM_WINDOW, type SpamWindow, windowOfDays } from "@/lib/spam/search-params";
import type { WaveKind } from "@/lib/spam/types";
import type { BadgeTone } from "../ui/badge";
import { formatRelative } from "../ui/format";

/** "likely" | "review" | null: the band a score falls in (lib/spam/queries.ts bandOf). */
export type Band = SpamListItem["flagged"];

export const bandLabels = { likely: "Likely spam", review: "Review" } as const satisfies Record<NonNullable<Band>, string>;
export const bandTones = { likely: "danger", review: "warning" } as const satisfies Record<NonNullable<Band>, BadgeTone>;

/** What a wave's members share, in words a moderator reads at a glance. */
export const waveKindLabels: Record<WaveKind, string> = {
  mailbox: "One mailbox",
  sequence: "Numbered addresses",
  "domain-day": "Domain, one day",
  "subnet-week": "Network, one week",
  "ua-day": "User agent, one day",
};

/**
 * The wave page of a key: keys hold ":", "/", "@", so the segment is always encoded. A wave belongs to
 * the result of one scored window, so a link from any other window than the default carries it.
 */
export const waveHref = (key: string, window?: SpamWindow) =>
  `/spam/waves/${encodeURIComponent(key)}${window && window !== DEFAULT_SPAM_WINDOW ? `?since=${window}` : ""}`;

/**
 * A decided member in words: the words of the "out of review" states that are on (each module's
 * ReviewExit `done`), then the core's clearance ("marked as not spam"), joined by "or".
 */
export const decidedWords = (done: readonly string[], cleared = "marked as not spam") => [...done, cleared].join(" or ");

/** The review queue over one scored window. */
export const queueHref = (window?: SpamWindow) => (window && window !== DEFAULT_SPAM_WINDOW ? `/spam?since=${window}` : "/spam");

/** The named window (7d, 30d, …, all) a result was scored over, for links that must land in it. */
export const windowOf = (result: { window: { since: Date | null }; computedAt: Date }): SpamWindow =>
  windowOfDays(windowDays(result.window, result.computedAt) ?? 0);

/**
 * Signed points with a real minus sign, so trust (negative) reads apart from suspicion at a glance
 * and screen readers say "minus".
 */
export const formatPoints = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0");

/** "just now" / "2 min ago", from the cache's age of the result (not the computation's start). */
export function scoredAgo(ageMs: number, now: Date): string {
  return formatRelative(new Date(now.getTime() - ageMs), now);
}

/** The engine scores the last N days of sign-ups; the window's width as a whole number of days. */
export function windowDays(window: { since: Date | null }, computedAt: Date): number | null {
  return window.since ? Math.round((computedAt.getTime() - window.since.getTime()) / 86_400_000) : null;
}
