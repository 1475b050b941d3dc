import { type ReviewState, reviewStatesOf } from "@/lib/modules";
import type { SpamListItem } from "@/lib/spam/queries";
import type { SpamResult } from "@/lib/spam/types";
import { userFacts } from "@/lib/users/facts";
import type { UserRow } from "@/lib/users/queries";
import { type TimeValue, timeValue } from "../ui/format";
import { scoredAgo, waveHref, windowOf } from "./spam-format";
import type { SpamScoreData } from "./spam-score-data";

/** Reasons a queue row shows open; the rest fold under "N more reasons" in the row itself. */
export const QUEUE_REASONS = 2;

/** One row of the review queue, serializable for the client table (dates preformatted on the server). */
export interface SpamAccountItem {
  id: string;
  name: string;
  email: string;
  image: string | null;
  /** the score, its reasons and its age, as every page shows them (SpamScore) */
  spam: SpamScoreData;
  wave: { key: string; label: string; href: string } | null;
  createdAt: TimeValue;
}

/** Queue entries joined with their user rows; an account deleted since the scoring is dropped. */
export function toSpamAccountItems(page: readonly SpamListItem[], users: ReadonlyMap<string, UserRow>, result: SpamResult, ageMs: number, now: Date): SpamAccountItem[] {
  const labels = new Map(result.waves.map((w) => [w.key, w.label]));
  const scored = scoredAgo(ageMs, now);
  return page.flatMap((a) => {
    const u = users.get(a.userId);
    if (!u) return [];
    return [
      {
        id: a.userId,
        name: u.name,
        email: u.email,
        image: u.image,
        spam: { score: a.score, band: a.flagged, reasons: a.reasons, scored },
        wave: a.waveKey ? { key: a.waveKey, label: labels.get(a.waveKey) ?? a.waveKey, href: waveHref(a.waveKey, windowOf(result)) } : null,
        createdAt: timeValue(a.createdAt, now),
      },
    ];
  });
}

/**
 * The "out of review" states a user is in now (the modules' ReviewExit, e.g. a ban in force), read
 * with the page: the cached result may not know them yet.
 */
export const reviewStates = (on: ReadonlySet<string>, u: UserRow, now: Date): ReviewState[] => reviewStatesOf(on, userFacts(u), now);
