import type { Calibration } from "./calibrate";
import type { SignalId } from "./catalog";
import type { Features, Indexes } from "./features";
import { countWithin, sizeOf, totalWithin } from "./groups";

/**
 * Co-occurrence in time: how many sign-ups share this account's IP, network, email domain or exact
 * user agent within an hour or a day of it (either side). A count only fires when it is also far
 * above what the key's usual share predicts, so gmail.com or this month's Chrome on a launch day,
 * when everyone signs up at once, stay quiet.
 */
export type BurstKind = "ip" | "subnet" | "domain" | "ua";

export interface Burst {
  kind: BurstKind;
  /** members within the window, this account included */
  count: number;
  window: "hour" | "day";
  points: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** observed / expected-by-share needed before a count means anything */
const RATIO = 5;
/** a domain or user agent with this share of all sign-ups is common (see below) */
export const COMMON_SHARE = 0.01;

/** [minimum count, points] per window, strongest last */
const TABLE: Record<BurstKind, { hour: [number, number][]; day: [number, number][] }> = {
  ip: { hour: [[3, 15], [5, 20], [10, 30]], day: [[5, 10], [10, 20], [25, 25]] },
  subnet: { hour: [[5, 15], [10, 25], [20, 30]], day: [[10, 15], [25, 20]] },
  domain: { hour: [[5, 15], [10, 25]], day: [[10, 15], [25, 20]] },
  ua: { hour: [[5, 10], [10, 20]], day: [[25, 15]] },
};

export const BURST_SIGNAL: Record<BurstKind, SignalId> = { ip: "burst.ip", subnet: "burst.subnet", domain: "burst.domain", ua: "burst.ua" };

/**
 * The strongest burst per account and kind (index-aligned arrays; null = none), before any group
 * outcome is considered.
 */
export interface Bursts {
  of: Record<BurstKind, (Burst | null)[]>;
  /** 1 where the account's user agent is not a common one (only those may form groups) */
  rareUa: Uint8Array;
}

export function computeBursts(f: Features, idx: Indexes, cal: Calibration): Bursts {
  const totals = { hour: totalWithin(f.times, HOUR), day: totalWithin(f.times, DAY) };
  const out = {} as Record<BurstKind, (Burst | null)[]>;
  const rareUa = new Uint8Array(f.n);
  for (const kind of ["ip", "subnet", "domain", "ua"] as const) {
    const res: (Burst | null)[] = new Array(f.n).fill(null);
    out[kind] = res;
    if (cal.off.has(BURST_SIGNAL[kind])) continue;
    const x = idx[kind];
    const counts = { hour: countWithin(x, f.times, HOUR), day: countWithin(x, f.times, DAY) };
    for (let i = 0; i < f.n; i++) {
      const k = x.keyOf[i] as number;
      if (k < 0) continue;
      // The key's usual share, measured away from this account's day so a wave does not raise its own bar.
      const outside = f.n - (totals.day[i] as number);
      const share = outside > 0 ? (sizeOf(x, k) - (counts.day[i] as number)) / outside : 0;
      // A key that common (this month's Chrome, a big provider) is shared by strangers all day long:
      // co-occurring on it says little about any one account.
      if (kind !== "ip" && kind !== "subnet" && share >= COMMON_SHARE) continue;
      if (kind === "ua") rareUa[i] = 1;
      let best: Burst | null = null;
      for (const window of ["hour", "day"] as const) {
        const count = counts[window][i] as number;
        const expected = (totals[window][i] as number) * share;
        if (count < RATIO * expected) continue;
        let points = 0;
        for (const [min, p] of TABLE[kind][window]) if (count >= min) points = p;
        if (points > (best?.points ?? 0)) best = { kind, count, window, points };
      }
      res[i] = best;
    }
  }
  return { of: out, rareUa };
}
