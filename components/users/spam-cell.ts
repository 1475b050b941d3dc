import { bandOf, scoreOf } from "@/lib/spam/queries";
import type { SpamResult } from "@/lib/spam/types";
import type { Band } from "../spam/spam-format";

/**
 * A user's spam score as the users table shows it. null = not scored: signed up outside the scored
 * window (before it, or after the result was computed), so "0" would be a claim the score never made.
 */
export interface SpamCell {
  score: number;
  band: Band;
  /** the strongest reasons, for the cell's tooltip */
  why: string;
}

export function spamCellOf(result: SpamResult, user: { id: string; createdAt: Date }): SpamCell | null {
  const acc = scoreOf(result, user.id);
  if (acc) return { score: acc.score, band: bandOf(result, acc.score), why: acc.reasons.slice(0, 3).map((r) => r.text).join("; ") };
  const since = result.window.since;
  if ((since && user.createdAt < since) || user.createdAt > result.computedAt) return null;
  // scored, and nothing to say: the engine keeps only accounts with a reason or a positive score
  return { score: 0, band: null, why: "" };
}
