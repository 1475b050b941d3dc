import type { SpamResult } from "@/lib/spam/types";
import { type SpamScoreData, spamScoreData, zeroScore } from "../spam/spam-score-data";

/**
 * A user's spam score as the users table shows it: the same data (and component, SpamScore) as the
 * queue, the wave page and the user page. null = not scored: signed up outside the scored window
 * (before it, or after the result was computed), so "0" would be a claim the score never made.
 */
export type SpamCell = SpamScoreData;

export function spamCellOf(result: SpamResult, ageMs: number, now: Date, user: { id: string; createdAt: Date }): SpamCell | null {
  const data = spamScoreData(result, ageMs, now, user.id);
  if (data) return data;
  const since = result.window.since;
  if ((since && user.createdAt < since) || user.createdAt > result.computedAt) return null;
  // scored 0: the engine keeps only accounts with a positive score
  return zeroScore(ageMs, now);
}
