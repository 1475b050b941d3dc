/** The spam engine's public shapes (lib/spam/engine.ts computes them; UI and routes read them). */
import type { SpamAccounts } from "./accounts";
import type { SliceSize } from "./slices";

export interface Thresholds {
  /** at or above: worth a look ("review") */
  review: number;
  /** at or above: likely spam; still only ever a suggestion, a person confirms */
  likely: number;
}

export interface Reason {
  /** the signal id, e.g. "email.mailbox" (see SpamResult.signals) */
  code: string;
  /** positive adds suspicion, negative is trust */
  points: number;
  /** one sentence a moderator understands, e.g. "one of 64 accounts that share one Gmail mailbox…" */
  text: string;
}

export interface SpamAccount {
  /** 0–100 */
  score: number;
  /** strongest first; only the strongest signal of each family is listed (and counted) */
  reasons: Reason[];
  /** the wave this account was grouped into (flagged accounts only) */
  waveKey: string | null;
  createdAt: Date;
  /**
   * the "out of review" states it is in (lib/modules types.ts ReviewExit `reason`s, e.g. a ban in
   * force): already handled, not in the review queue; empty while it waits
   */
  out: string[];
  /** when staff cleared it as "not spam" (after its sign-up), or null */
  clearedAt: Date | null;
}

export type WaveKind = "mailbox" | "sequence" | "domain-day" | "subnet-week" | "ua-day";

export interface Wave {
  /**
   * what the wave is (lib/spam/waves.ts waveKeyOf), stable across recomputations, e.g.
   * "subnet-week:185.3.4.0/24@2026-01-05"
   */
  key: string;
  kind: WaveKind;
  /** what the members share, for people: "185.3.4.0/24", "promo123 … promo179@mailxyz.top" */
  label: string;
  /** flagged members when the result was computed */
  size: number;
  /**
   * members still waiting for a decision: in no "out of review" state, not cleared. Patched as moderators act
   * (lib/spam/patch.ts), so a handled wave says 0 at once, without a recomputation.
   */
  left: number;
  firstAt: Date;
  lastAt: Date;
  avgScore: number;
  /** the most frequent reasons among members, as codes with how many members have each */
  topReasons: { code: string; count: number; text: string }[];
  /** up to 20 member ids, highest score first */
  sampleUserIds: string[];
}

export interface SignalInfo {
  id: string;
  family: string;
  label: string;
  active: boolean;
  /** why it is off (or a note on how it is calibrated) */
  why?: string;
}

export interface SpamResult {
  computedAt: Date;
  /** sign-ups scored from; null = everyone */
  window: { since: Date | null };
  thresholds: Thresholds;
  signals: SignalInfo[];
  /**
   * every scored account with a positive score; absent = score 0 (its trust outweighed any suspicion).
   * Columnar (lib/spam/accounts.ts): get(id) hands out a fresh SpamAccount, changes go through patch.ts.
   */
  accounts: SpamAccounts;
  /** largest first */
  waves: Wave[];
  /** how many accounts were scored and how long it took */
  /**
   * `loaded` counts each slice's neighbours too; `slices` is how many time slices the window took;
   * `ms.query` is the time the pass waited for the database (a slice's read, sent while the slice
   * before it is scored, counts only for what is left of it), `ms.score` the rest.
   */
  stats: { scored: number; loaded: number; flagged: number; likely: number; slices?: number; ms: { query: number; score: number; total: number } };
}

export interface SpamOptions {
  now?: Date;
  /** score sign-ups of the last N days (default 30); 0 = everyone */
  sinceDays?: number;
  thresholds?: Partial<Thresholds>;
  /** the time slices' size (default lib/spam/slices.ts SLICE_USERS, SLICE_DAYS): memory is bounded by one slice and its margins */
  slice?: SliceSize;
  /** statement timeout of the computation (default 120 s) */
  timeoutMs?: number;
}
