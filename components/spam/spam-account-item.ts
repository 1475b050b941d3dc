import type { SpamListItem } from "@/lib/spam/queries";
import type { Reason, SpamResult } from "@/lib/spam/types";
import type { UserRow } from "@/lib/users/queries";
import { type TimeValue, timeValue } from "../ui/format";
import type { Band } from "./spam-format";

/** Reasons a queue row shows; the user and wave pages list them all. */
export const QUEUE_REASONS = 3;

/** One row of the review queue, serializable for the client table (dates preformatted on the server). */
export interface SpamAccountItem {
  id: string;
  name: string;
  email: string;
  image: string | null;
  score: number;
  band: Band;
  reasons: Reason[];
  /** how many reasons the account has in all (the row shows QUEUE_REASONS) */
  reasonCount: number;
  wave: { key: string; label: string } | null;
  createdAt: TimeValue;
  /** banned since the result was computed: the cached result still lists it, the row says so */
  banned: boolean;
}

/** Queue entries joined with their user rows; an account deleted since the scoring is dropped. */
export function toSpamAccountItems(page: readonly SpamListItem[], users: ReadonlyMap<string, UserRow>, result: SpamResult, now: Date): SpamAccountItem[] {
  const labels = new Map(result.waves.map((w) => [w.key, w.label]));
  return page.flatMap((a) => {
    const u = users.get(a.userId);
    if (!u) return [];
    return [
      {
        id: a.userId,
        name: u.name,
        email: u.email,
        image: u.image,
        score: a.score,
        band: a.flagged,
        reasons: a.reasons.slice(0, QUEUE_REASONS),
        reasonCount: a.reasons.length,
        wave: a.waveKey ? { key: a.waveKey, label: labels.get(a.waveKey) ?? a.waveKey } : null,
        createdAt: timeValue(a.createdAt, now),
        banned: isBannedNow(u, now),
      },
    ];
  });
}

/** An active ban, read with the page (Better Auth leaves `banned` true after a ban expires). */
export const isBannedNow = (u: Pick<UserRow, "banned" | "banExpires">, now: Date) => u.banned === true && (!u.banExpires || u.banExpires > now);
