/**
 * Co-occurrence in time, over users sorted by sign-up time (index i = i-th sign-up). Keys are
 * grouped once into a compact index (no array per key: a million mostly-unique IPs would otherwise
 * allocate a million arrays), and every count below is one linear pass over it.
 */
export interface KeyIndex {
  /** distinct keys, by key number */
  keys: string[];
  /** key number of each user, -1 for none */
  keyOf: Int32Array;
  /** members of key k are order[start[k]] … order[start[k + 1] - 1], in sign-up order */
  start: Int32Array;
  order: Int32Array;
}

export function indexKeys(values: readonly (string | null | undefined)[]): KeyIndex {
  const n = values.length;
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const keyOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      keyOf[i] = -1;
      continue;
    }
    let k = ids.get(v);
    if (k === undefined) {
      k = keys.length;
      ids.set(v, k);
      keys.push(v);
    }
    keyOf[i] = k;
  }
  // counting sort by key; filling in index order keeps each key's members in sign-up order
  const start = new Int32Array(keys.length + 1);
  for (let i = 0; i < n; i++) if ((keyOf[i] as number) >= 0) start[(keyOf[i] as number) + 1]!++;
  for (let k = 0; k < keys.length; k++) start[k + 1]! += start[k] as number;
  const fill = start.slice(0, keys.length);
  const order = new Int32Array(start[keys.length] as number);
  for (let i = 0; i < n; i++) {
    const k = keyOf[i] as number;
    if (k >= 0) order[fill[k]!++] = i;
  }
  return { keys, keyOf, start, order };
}

export const sizeOf = (x: KeyIndex, k: number) => (x.start[k + 1] as number) - (x.start[k] as number);

/**
 * For every user with a key: how many sign-ups with the same key fall within ±w ms of theirs
 * (themselves included). Two pointers per key.
 */
export function countWithin(x: KeyIndex, times: Float64Array, w: number): Int32Array {
  const out = new Int32Array(x.keyOf.length);
  const { start, order } = x;
  for (let k = 0; k < x.keys.length; k++) {
    const a = start[k] as number;
    const b = start[k + 1] as number;
    let lo = a;
    let hi = a;
    for (let j = a; j < b; j++) {
      const t = times[order[j] as number] as number;
      while ((times[order[lo] as number] as number) < t - w) lo++;
      while (hi + 1 < b && (times[order[hi + 1] as number] as number) <= t + w) hi++;
      out[order[j] as number] = hi - lo + 1;
    }
  }
  return out;
}

/** All sign-ups within ±w of each user's: the denominator of "expected by chance". */
export function totalWithin(times: Float64Array, w: number): Int32Array {
  const n = times.length;
  const out = new Int32Array(n);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    while ((times[lo] as number) < t - w) lo++;
    while (hi + 1 < n && (times[hi + 1] as number) <= t + w) hi++;
    out[i] = hi - lo + 1;
  }
  return out;
}

export interface Cluster {
  kind: string;
  key: string;
  members: number[];
  firstAt: number;
  lastAt: number;
}

/**
 * Splits each key's sign-ups into runs where consecutive sign-ups are at most `gap` apart and the run
 * spans at most `span`: a wave that crosses midnight stays one group, a domain used again a month
 * later starts another, and a steady trickle is cut into windows instead of chaining for months.
 * `include(i)` filters members (e.g. only unusual user agents). Returns the clusters of at least
 * `minSize` members and each user's cluster number (-1: none).
 */
export function clustersOf(kind: string, x: KeyIndex, times: Float64Array, limits: { gap: number; span: number }, minSize: number, include?: (i: number) => boolean) {
  const clusters: Cluster[] = [];
  const of = new Int32Array(x.keyOf.length).fill(-1);
  const flush = (key: string, members: number[]) => {
    if (members.length < minSize) return;
    const id = clusters.length;
    clusters.push({ kind, key, members, firstAt: times[members[0] as number] as number, lastAt: times[members.at(-1) as number] as number });
    for (const m of members) of[m] = id;
  };
  for (let k = 0; k < x.keys.length; k++) {
    const a = x.start[k] as number;
    const b = x.start[k + 1] as number;
    if (b - a < minSize) continue;
    const key = x.keys[k] as string;
    let run: number[] = [];
    for (let j = a; j < b; j++) {
      const i = x.order[j] as number;
      if (include && !include(i)) continue;
      const prev = run.at(-1);
      const t = times[i] as number;
      if (prev !== undefined && (t - (times[prev] as number) > limits.gap || t - (times[run[0] as number] as number) > limits.span)) {
        flush(key, run);
        run = [];
      }
      run.push(i);
    }
    flush(key, run);
  }
  return { clusters, of };
}
