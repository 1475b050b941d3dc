import type { SpamListItem } from "@/lib/spam/queries";
import type { SpamResult } from "@/lib/spam/types";
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

/** An active ban, read with the page (Better Auth leaves `banned` true after a ban expires). */
export const isBannedNow = (u: Pick<UserRow, "banned" | "banExpires">, now: Date) => u.banned === true && (!u.banExpires || u.banExpires > now);
