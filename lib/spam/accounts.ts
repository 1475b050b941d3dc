import { outMask, outReasons } from "./out-of-review";
import type { Reason, SpamAccount } from "./types";

/**
 * The scored accounts of one result, columnar: typed arrays indexed by row instead of one object (and
 * one Map entry) per account. At a million accounts the object form cost ~450 B each; here a row is
 * its id's bytes, an offset, a score byte, a reason-list id, a wave index, the sign-up time and a flag
 * byte (~55 B): its low 7 bits are the "out of review" states it is in (lib/spam/out-of-review.ts),
 * the top bit marks it deleted. Reason lists are interned (most accounts share a handful of combinations) and each
 * wave key is held once. An id is found through an open-addressing hash table over the id bytes (no
 * Map of strings). Reads hand out a fresh SpamAccount per call (the view pages and tests use), so the
 * only ways to change a row are the setters, which lib/spam/patch.ts calls.
 */
/** the "out of review" states' bits (a ban in force, say): one per registered state, at most 7 */
const OUT = 0x7f;
/** deleted since the scoring: gone from every read (lib/spam/patch.ts) */
const DELETED = 0x80;
const EMPTY: readonly Reason[] = Object.freeze([]);

export class SpamAccounts implements Iterable<[string, SpamAccount]> {
  private readonly cleared = new Map<number, number>();
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly buckets: Uint32Array;
  /** bucketStart[s]..bucketStart[s+1]: the rows scoring s, in `buckets` */
  private readonly bucketStart: Uint32Array;
  private readonly bucketSorted = new Uint8Array(101);
  private deleted = 0;

  constructor(
    private readonly idBytes: Buffer,
    /** row r's id is idBytes[idOff[r], idOff[r + 1]) */
    private readonly idOff: Uint32Array,
    private readonly scores: Uint8Array,
    private readonly lists: Uint32Array,
    private readonly waves: Int32Array,
    private readonly created: Float64Array,
    private readonly flags: Uint8Array,
    clearedAt: Map<number, number>,
    /** interned reason lists, frozen: every account with the same list shares it */
    private readonly reasonLists: readonly (readonly Reason[])[],
    readonly waveKeys: readonly string[],
  ) {
    const n = scores.length;
    for (const [row, at] of clearedAt) this.cleared.set(row, at);
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap).fill(-1);
    for (let r = 0; r < n; r++) {
      let h = hashBytes(idBytes, idOff[r] as number, idOff[r + 1] as number) & this.mask;
      while ((this.table[h] as number) >= 0) h = (h + 1) & this.mask;
      this.table[h] = r;
    }
    // Rows by score (a counting sort): the queue reads them highest score first.
    const count = new Uint32Array(102);
    for (let r = 0; r < n; r++) (count[(scores[r] as number) + 1] as number)++;
    for (let s = 1; s < 102; s++) count[s] = (count[s] as number) + (count[s - 1] as number);
    this.bucketStart = count.slice();
    this.buckets = new Uint32Array(n);
    for (let r = 0; r < n; r++) this.buckets[(count[scores[r] as number] as number)++] = r;
  }

  /** Accounts held (deleted ones not counted). */
  get size(): number {
    return this.scores.length - this.deleted;
  }

  /** The row of an id, or -1 (not held, or deleted). */
  rowOf(id: string): number {
    const bytes = Buffer.from(id, "utf8");
    let h = hashBytes(bytes, 0, bytes.length) & this.mask;
    for (;;) {
      const r = this.table[h] as number;
      if (r < 0) return -1;
      const s = this.idOff[r] as number;
      const e = this.idOff[r + 1] as number;
      if (e - s === bytes.length && this.idBytes.compare(bytes, 0, bytes.length, s, e) === 0) return (this.flags[r] as number) & DELETED ? -1 : r;
      h = (h + 1) & this.mask;
    }
  }

  has(id: string): boolean {
    return this.rowOf(id) >= 0;
  }

  get(id: string): SpamAccount | undefined {
    const r = this.rowOf(id);
    return r < 0 ? undefined : this.accountAt(r);
  }

  idAt(r: number): string {
    return this.idBytes.toString("utf8", this.idOff[r], this.idOff[r + 1]);
  }
  scoreAt(r: number): number {
    return this.scores[r] as number;
  }
  createdAtMs(r: number): number {
    return this.created[r] as number;
  }
  /** the "out of review" states the row is in, as bits (out-of-review.ts); 0: none */
  outAt(r: number): number {
    return (this.flags[r] as number) & OUT;
  }
  clearedAtMs(r: number): number | null {
    return this.cleared.get(r) ?? null;
  }
  waveAt(r: number): number {
    return this.waves[r] as number;
  }
  reasonsAt(r: number): Reason[] {
    return this.reasonLists[this.lists[r] as number] as Reason[];
  }
  /** waiting for a decision: in no "out of review" state, not cleared (nor deleted) */
  isOpenAt(r: number): boolean {
    return (this.flags[r] as number) === 0 && !this.cleared.has(r);
  }
  isDeletedAt(r: number): boolean {
    return ((this.flags[r] as number) & DELETED) !== 0;
  }

  accountAt(r: number): SpamAccount {
    const w = this.waves[r] as number;
    const cleared = this.cleared.get(r);
    return {
      score: this.scores[r] as number,
      reasons: this.reasonsAt(r),
      waveKey: w >= 0 ? (this.waveKeys[w] ?? null) : null,
      createdAt: new Date(this.created[r] as number),
      out: outReasons(this.outAt(r)),
      clearedAt: cleared === undefined ? null : new Date(cleared),
    };
  }

  /** Puts the row into one state (`bit`, out-of-review.ts) or takes it out. */
  setOut(r: number, bit: number, out: boolean): void {
    const b = bit & OUT;
    this.flags[r] = out ? (this.flags[r] as number) | b : (this.flags[r] as number) & ~b;
  }
  setCleared(r: number, at: number | null): void {
    if (at === null) this.cleared.delete(r);
    else this.cleared.set(r, at);
  }
  setDeleted(r: number): void {
    if (!this.isDeletedAt(r)) this.deleted++;
    this.flags[r] = (this.flags[r] as number) | DELETED;
  }

  /** The queue's order of two rows: score desc, then id. */
  queueOrder(a: number, b: number): number {
    return (this.scores[b] as number) - (this.scores[a] as number) || this.compareRows(a, b);
  }

  /** Rows (deleted ones too) in storage order: for scans that need no order. */
  get rowCount(): number {
    return this.scores.length;
  }

  /** Compares two rows' ids (byte order, which is code-point order): the queue's tie-break. */
  private compareRows(a: number, b: number): number {
    return this.idBytes.compare(this.idBytes, this.idOff[b], this.idOff[b + 1], this.idOff[a], this.idOff[a + 1]);
  }

  /** The rows scoring `s`, by id; sorted on first use (the low scores are rarely listed). */
  private bucket(s: number): Uint32Array {
    const from = this.bucketStart[s] as number;
    const to = this.bucketStart[s + 1] as number;
    const rows = this.buckets.subarray(from, to);
    if (!this.bucketSorted[s]) {
      rows.set(Array.from(rows).sort((a, b) => this.compareRows(a, b)));
      this.bucketSorted[s] = 1;
    }
    return rows;
  }

  /**
   * Rows in the queue's order (score desc, id asc) from just after `after` (a previous page's last
   * score and id), down to `minScore`; deleted rows skipped.
   */
  *rowsByScore(minScore: number, after?: { score: number; id: string }): Generator<number> {
    const floor = Math.max(0, Math.ceil(minScore));
    let top = 100;
    let start = 0;
    if (after) {
      if (after.score < floor) return;
      top = Math.min(100, Math.floor(after.score));
      if (top === after.score) {
        const rows = this.bucket(top);
        const key = Buffer.from(after.id, "utf8");
        // first row whose id sorts after the cursor's
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const r = rows[mid] as number;
          if (this.idBytes.compare(key, 0, key.length, this.idOff[r], this.idOff[r + 1]) <= 0) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      } else top = Math.min(100, Math.floor(after.score));
    }
    for (let s = top; s >= floor; s--) {
      const rows = this.bucket(s);
      for (let k = s === top ? start : 0; k < rows.length; k++) {
        const r = rows[k] as number;
        if (!this.isDeletedAt(r)) yield r;
      }
    }
  }

  *entries(): Generator<[string, SpamAccount]> {
    for (let r = 0; r < this.scores.length; r++) if (!this.isDeletedAt(r)) yield [this.idAt(r), this.accountAt(r)];
  }
  *values(): Generator<SpamAccount> {
    for (const [, a] of this.entries()) yield a;
  }
  *keys(): Generator<string> {
    for (let r = 0; r < this.scores.length; r++) if (!this.isDeletedAt(r)) yield this.idAt(r);
  }
  [Symbol.iterator](): Generator<[string, SpamAccount]> {
    return this.entries();
  }

  /** Bytes held by the columns (for the benchmark's notes and a test). */
  get bytes(): number {
    return this.idBytes.length + this.idOff.byteLength + this.scores.byteLength + this.lists.byteLength + this.waves.byteLength + this.created.byteLength + this.flags.byteLength + this.table.byteLength + this.buckets.byteLength;
  }

  /** From account objects (hand-made results in tests; small results). */
  static from(entries: Iterable<[string, SpamAccount]>): SpamAccounts {
    const b = new SpamAccountsBuilder();
    for (const [id, a] of entries) b.add(id, a.score, a.reasons, a.waveKey, a.createdAt.getTime(), outMask(a.out), a.clearedAt?.getTime() ?? null);
    return b.finish();
  }
}

/** FNV-1a over bytes. */
function hashBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
  return h >>> 0;
}

/** Reasons and reason lists held once: a trie of interned reasons, so no string key is built per account. */
class ReasonInterner {
  readonly lists: (readonly Reason[])[] = [EMPTY];
  private readonly byText = new Map<string, Reason[]>();
  private readonly root: TrieNode = { list: 0, next: new Map() };

  private reason(r: Reason): Reason {
    const same = this.byText.get(r.text);
    const hit = same?.find((x) => x.code === r.code && x.points === r.points);
    if (hit) return hit;
    const frozen = Object.freeze({ code: r.code, points: r.points, text: r.text });
    if (same) same.push(frozen);
    else this.byText.set(r.text, [frozen]);
    return frozen;
  }

  listId(reasons: readonly Reason[]): number {
    let node = this.root;
    for (const r of reasons) {
      const shared = this.reason(r);
      let child = node.next.get(shared);
      if (!child) {
        child = { list: -1, next: new Map() };
        node.next.set(shared, child);
      }
      node = child;
    }
    if (node.list < 0) {
      node.list = this.lists.length;
      this.lists.push(Object.freeze(reasons.map((r) => this.reason(r))));
    }
    return node.list;
  }
}

interface TrieNode {
  list: number;
  next: Map<Reason, TrieNode>;
}

/** Rows appended as slices are scored (each account once), then frozen into SpamAccounts. */
export class SpamAccountsBuilder {
  private n = 0;
  private cap = 1024;
  private idBytes = Buffer.allocUnsafe(32 * 1024);
  private idEnd = 0;
  private idOff = new Uint32Array(this.cap + 1);
  private scores = new Uint8Array(this.cap);
  private lists = new Uint32Array(this.cap);
  private waves = new Int32Array(this.cap);
  private created = new Float64Array(this.cap);
  private flags = new Uint8Array(this.cap);
  private readonly clearedAt = new Map<number, number>();
  private readonly reasons = new ReasonInterner();
  private readonly waveIndex = new Map<string, number>();
  private readonly waveKeys: string[] = [];

  get size(): number {
    return this.n;
  }

  add(id: string, score: number, reasons: readonly Reason[], waveKey: string | null, createdAt: number, out: number, clearedAt: number | null): void {
    if (this.n === this.cap) this.grow();
    const len = Buffer.byteLength(id, "utf8");
    if (this.idEnd + len > this.idBytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.idBytes.length * 2, this.idEnd + len));
      this.idBytes.copy(bigger, 0, 0, this.idEnd);
      this.idBytes = bigger;
    }
    this.idEnd += this.idBytes.write(id, this.idEnd, "utf8");
    const r = this.n++;
    this.idOff[r + 1] = this.idEnd;
    this.scores[r] = Math.max(0, Math.min(100, Math.round(score)));
    this.lists[r] = this.reasons.listId(reasons);
    let w = -1;
    if (waveKey !== null) {
      w = this.waveIndex.get(waveKey) ?? -1;
      if (w < 0) {
        w = this.waveKeys.length;
        this.waveKeys.push(waveKey);
        this.waveIndex.set(waveKey, w);
      }
    }
    this.waves[r] = w;
    this.created[r] = createdAt;
    this.flags[r] = out & OUT;
    if (clearedAt !== null) this.clearedAt.set(r, clearedAt);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const off = new Uint32Array(cap + 1);
    off.set(this.idOff);
    this.idOff = off;
    const grow = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a as never);
      return b;
    };
    this.scores = grow(this.scores, (k) => new Uint8Array(k));
    this.lists = grow(this.lists, (k) => new Uint32Array(k));
    this.waves = grow(this.waves, (k) => new Int32Array(k));
    this.created = grow(this.created, (k) => new Float64Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
    this.cap = cap;
  }

  /** The frozen result: columns trimmed to size (the doubling's slack is returned). */
  finish(): SpamAccounts {
    const n = this.n;
    return new SpamAccounts(
      Buffer.from(this.idBytes.subarray(0, this.idEnd)),
      this.idOff.slice(0, n + 1),
      this.scores.slice(0, n),
      this.lists.slice(0, n),
      this.waves.slice(0, n),
      this.created.slice(0, n),
      this.flags.slice(0, n),
      this.clearedAt,
      this.reasons.lists,
      this.waveKeys,
    );
  }
}
