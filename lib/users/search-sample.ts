import { sql } from "kysely";
import type { Q } from "../db/context";
import { quoteIdent } from "../db/naming";
import { searchFields } from "./filters";

/**
 * What the search planner (search-plan.ts) knows of the user table without reading it per search: a
 * block sample of about SAMPLE_ROWS users' searchable text, with each sampled row's rank in every
 * column sort order, so the planner can tell both how many users a term matches and where in the
 * requested order those matches fall (evenly, at the head, or behind a gap).
 *
 * Read with `tablesample system` (whole pages at random, a few ms at 1M users), once per process and
 * connection, then again every SAMPLE_TTL_MS in the background (a search never waits for a refresh,
 * only for the very first read). About 1 MB: one string per row (its searchable fields, lowercased
 * by Postgres, joined here by NUL, which no search term can hold) and three rank arrays.
 */
export const SAMPLE_ROWS = 10_000;
export const SAMPLE_TTL_MS = 10 * 60_000;

/** The column sorts; a descending order is the ascending one reversed (its tie-break is reversed too). */
export type SampleOrder = "createdAt" | "name" | "email";

export interface SearchSample {
  /** users in the table when sampled (pg_class.reltuples; counted from the sample if never analyzed) */
  tableRows: number;
  /** sampled rows */
  size: number;
  /**
   * Every sampled row's searchable text, lower(email) NUL lower(name) [NUL lower(a module's field)…],
   * the rows joined by NUL into one string (one indexOf pass per search: ~0.2 ms, where a substring
   * test per row cost ~3.7 ms); `starts[i]` is row i's offset in it.
   */
  blob: string;
  starts: Int32Array;
  ids: string[];
  /** per order, the sample's row indexes in ascending order (same ORDER BY as the list, ties by id) */
  orders: Record<SampleOrder, Int32Array>;
  at: number;
}

/** A sample from its rows' texts (fields joined by NUL), ids and ascending orders. */
export function buildSample(p: { texts: string[]; ids: string[]; orders: Record<SampleOrder, Int32Array>; tableRows: number; at?: number }): SearchSample {
  const starts = new Int32Array(p.texts.length);
  let offset = 0;
  p.texts.forEach((t, i) => {
    starts[i] = offset;
    offset += t.length + 1;
  });
  return { tableRows: p.tableRows, size: p.texts.length, blob: p.texts.join("\u0000"), starts, ids: p.ids, orders: p.orders, at: p.at ?? Date.now() };
}

/** The sampled rows a term matches, as the search's WHERE does (id =, or a lowercase substring). */
export function sampleHits(s: SearchSample, term: string): Uint8Array {
  const t = term.toLowerCase();
  const hit = new Uint8Array(s.size);
  let at = t ? s.blob.indexOf(t) : -1;
  while (at !== -1) {
    // the row holding offset `at`: the last start at or before it
    let lo = 0;
    let hi = s.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    hit[lo] = 1;
    at = lo + 1 < s.size ? s.blob.indexOf(t, s.starts[lo + 1]) : -1;
  }
  const id = s.ids.indexOf(term);
  if (id >= 0) hit[id] = 1;
  return hit;
}

/**
 * Sample ranks (0-based, in the requested order) of the first `max` hits, and the total hit count.
 * For a descending sort the ascending order is read from its end.
 */
export function hitRanks(s: SearchSample, hit: Uint8Array, order: SampleOrder, desc: boolean, max: number): { hits: number; head: number[] } {
  const idx = s.orders[order];
  const n = idx.length;
  const head: number[] = [];
  for (let r = 0; r < n && head.length < max; r++) if (hit[idx[desc ? n - 1 - r : r] as number]) head.push(r);
  let hits = 0;
  for (let i = 0; i < hit.length; i++) hits += hit[i] as number;
  return { hits, head };
}

/**
 * The id of the sampled row about `rows` table rows into `order` (ascending, or descending): the
 * walk's cap as a row to stop at, found by one primary-key look-up instead of an OFFSET scan of the
 * sort index (8 ms for a 38,000-row cap at 1M users, a third of the walk it bounded). Approximate
 * by a sample row's worth of table rows, which a cap can be, in name or email order; in sign-up order
 * (the order on disk) a block sample's rows come a page at a time and the rank is only good to the
 * gap between sampled pages (~50,000 rows at 10M users), so the caller counts there. Null past the
 * sample's end.
 */
export function sampleRowAt(s: SearchSample, order: SampleOrder, desc: boolean, rows: number): string | null {
  const idx = s.orders[order];
  const n = idx.length;
  const r = Math.ceil((rows * n) / Math.max(1, s.tableRows));
  if (r >= n) return null;
  return s.ids[idx[desc ? n - 1 - r : r] as number] ?? null;
}

/**
 * Reads a sample. `seed` makes it repeatable (the bench fits its constants on one seed and measures
 * on another); without one each refresh samples other pages.
 */
export async function readSearchSample(q: Pick<Q, "db" | "naming" | "caps">, seed?: number): Promise<SearchSample> {
  const { naming } = q;
  const col = (f: string) => sql.raw(quoteIdent(naming.column("user", f)));
  const table = sql.raw(naming.qualified("user"));
  const { rows: est } = await sql<{ n: number; bytes: string }>`
    select reltuples::float8 as n, pg_relation_size(oid) as bytes from pg_class where oid = ${naming.qualified("user")}::regclass`.execute(q.db);
  const counted = Number(est[0]?.n ?? -1);
  // never analyzed (-1): all of a small table (up to 8 MB, ~50k users), 1% of a larger one
  const percent = counted > 0 ? Math.min(100, Math.max(0.001, (100 * SAMPLE_ROWS) / counted)) : Number(est[0]?.bytes ?? 0) <= 8 * 1024 * 1024 ? 100 : 1;
  const fields = ["email", "name", ...searchFields(q.caps)];
  const text = sql`array[${sql.join(fields.map((f) => sql`coalesce(lower(${col(f)}), '')`))}]`;
  const sampled = percent >= 100 ? table : sql`${table} tablesample system (${sql.raw(percent.toFixed(4))})${seed === undefined ? sql`` : sql` repeatable (${sql.raw(String(Math.trunc(seed)))})`}`;
  // The ranks come from Postgres, so name and email sort in the column's own collation, as the list does.
  const { rows } = await sql<{ id: string; t: string[]; rc: number; rn: number; re: number }>`
    select ${col("id")} as id, ${text} as t,
      (row_number() over (order by ${col("createdAt")}, ${col("id")}))::int - 1 as rc,
      (row_number() over (order by ${col("name")}, ${col("id")}))::int - 1 as rn,
      (row_number() over (order by ${col("email")}))::int - 1 as re
    from ${sampled}`.execute(q.db);
  const n = rows.length;
  const orders = { createdAt: new Int32Array(n), name: new Int32Array(n), email: new Int32Array(n) };
  rows.forEach((r, i) => {
    orders.createdAt[r.rc] = i;
    orders.name[r.rn] = i;
    orders.email[r.re] = i;
  });
  return buildSample({
    tableRows: counted > 0 ? Math.max(counted, n) : Math.round((n * 100) / percent),
    texts: rows.map((r) => r.t.join("\u0000")),
    ids: rows.map((r) => r.id),
    orders,
  });
}

interface Entry {
  at: number;
  sample: Promise<SearchSample | null>;
  refreshing?: boolean;
}
// One per connection (primary or replica), for the process. On globalThis: Next may load this module
// once per bundle, and the warm start (lib/warm-up.ts, whose search reads the sample) and the routes'
// bundles share the Database object, so they share its sample.
const holder = globalThis as typeof globalThis & { __searchSamples?: WeakMap<object, Entry> };
holder.__searchSamples ??= new WeakMap<object, Entry>();
const cache = holder.__searchSamples;

/**
 * The process's sample for this connection: the first call reads it (and every search meanwhile
 * waits for that one read); later calls get the one in memory at once, and one past SAMPLE_TTL_MS
 * starts a background refresh while it is still served. null when it cannot be read (the planner
 * then plans without it; a search never fails for it).
 */
export function searchSample(q: Pick<Q, "db" | "naming" | "caps">, now = Date.now()): Promise<SearchSample | null> {
  const hit = cache.get(q.db);
  if (hit) {
    if (now - hit.at >= SAMPLE_TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      const next = load(q);
      void next.then((s) => {
        if (s) cache.set(q.db, { at: Date.now(), sample: next });
        else hit.refreshing = false;
      });
    }
    return hit.sample;
  }
  const sample = load(q);
  cache.set(q.db, { at: now, sample });
  // a failed first read is tried again by the next search, not after SAMPLE_TTL_MS
  void sample.then((s) => {
    if (!s && cache.get(q.db)?.sample === sample) cache.delete(q.db);
  });
  return sample;
}

function load(q: Pick<Q, "db" | "naming" | "caps">): Promise<SearchSample | null> {
  return readSearchSample(q).catch((err: unknown) => {
    console.error(`[dashboard] the search sample could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
}

/** Forgets the sample of a connection (tests that change the table under an open connection). */
export function forgetSearchSample(q: Pick<Q, "db">): void {
  cache.delete(q.db);
}
