/**
 * Seeded PRNG (sfc32, seeded through splitmix32) with the few helpers the generator needs. Math.random
 * is never used in lib/seed: the same seed must give byte-identical data, so benchmarks and the spam
 * evaluation can be repeated and compared.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A picker over fixed weights: the cumulative table is built once, each pick is a binary search. */
export interface WeightedTable<T> {
  pick(r: Random): T;
}

export function weightedTable<T>(entries: Weighted<T>): WeightedTable<T> {
  if (entries.length === 0) throw new Error("weightedTable: no entries");
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return {
    pick(r) {
      const x = r.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return values[lo] as T;
    },
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next(); // sfc32 needs a few rounds to decorrelate close seeds
  }

  /** uniform in [0, 1) */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An independent stream: lets one part of the generator change without shifting the others. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296));
  }

  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick: empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One-off weighted pick; for hot paths build a `weightedTable` once instead. */
  weighted<T>(entries: Weighted<T>): T {
    return weightedTable(entries).pick(this);
  }

  /** Fisher–Yates, in place */
  shuffle<T, A extends { length: number; [i: number]: T }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** exponential with the given mean (waiting times, session counts) */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  base62(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += BASE62[Math.floor(this.next() * 62)];
    return out;
  }

  digits(length: number): string {
    let out = String(this.int(1, 9)); // no leading zero: reads as a number
    for (let i = 1; i < length; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** lowercase letters and digits: the random-looking local parts bots generate */
  alnum(length: number): string {
    const chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    for (let i = 0; i < length; i++) out += chars[Math.floor(this.next() * chars.length)];
    return out;
  }
}
