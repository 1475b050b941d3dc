import { DEFAULT_NATIVE_CLIENTS } from "./signals/user-agent";
import type { Thresholds } from "./types";

export const DEFAULT_THRESHOLDS: Thresholds = { review: 35, likely: 60 };

export interface SpamConfig {
  thresholds: Thresholds;
  /** user-agent substrings of the app's own native clients (never treated as bots) */
  nativeClients: readonly string[];
}

export class SpamConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

function threshold(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new SpamConfigError(`${name} must be a whole number from 1 to 100, not "${raw}"`);
  return n;
}

/**
 *   SPAM_REVIEW_THRESHOLD  score from which an account is listed for review (default 35)
 *   SPAM_LIKELY_THRESHOLD  score from which it is marked likely spam (default 60)
 *   SPAM_NATIVE_CLIENTS    comma-separated user-agent substrings of the app's own clients, added to
 *                          the built-in okhttp, CFNetwork, Dalvik, React Native, Expo and Dart
 */
export function spamConfig(env: Env = process.env): SpamConfig {
  const review = threshold(env, "SPAM_REVIEW_THRESHOLD", DEFAULT_THRESHOLDS.review);
  const likely = threshold(env, "SPAM_LIKELY_THRESHOLD", DEFAULT_THRESHOLDS.likely);
  if (likely < review) throw new SpamConfigError(`SPAM_LIKELY_THRESHOLD (${likely}) must not be below SPAM_REVIEW_THRESHOLD (${review})`);
  const extra = (env.SPAM_NATIVE_CLIENTS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return { thresholds: { review, likely }, nativeClients: [...DEFAULT_NATIVE_CLIENTS, ...extra] };
}
