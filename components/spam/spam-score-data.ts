import { bandOf, scoreOf } from "@/lib/spam/queries";
import type { Reason, SpamResult } from "@/lib/spam/types";
import type { Band } from "./spam-format";
import { scoredAgo } from "./spam-format";

/**
 * One account's score as every page shows it (queue, wave, users list, user page), read from one
 * place: the cached result's entry for the account. Serializable, for client tables.
 */
export interface SpamScoreData {
  score: number;
  band: Band;
  /** strongest first, all of them (the component shows the top ones and folds the rest) */
  reasons: Reason[];
  /** "3 min ago": the age of the cached result the score comes from */
  scored: string;
}

/** null: the result has nothing on this account (score 0 with no reason, or outside its window). */
export function spamScoreData(result: SpamResult, ageMs: number, now: Date, userId: string): SpamScoreData | null {
  const acc = scoreOf(result, userId);
  if (!acc) return null;
  return { score: acc.score, band: bandOf(result, acc.score), reasons: acc.reasons, scored: scoredAgo(ageMs, now) };
}

/** A scored account the result keeps nothing on: scored 0, nothing to say. */
export function zeroScore(ageMs: number, now: Date): SpamScoreData {
  return { score: 0, band: null, reasons: [], scored: scoredAgo(ageMs, now) };
}
