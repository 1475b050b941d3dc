import { CompiledQuery, type Kysely, sql } from "kysely";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import { factsQuery, type OutColumn, type Row, toFacts, type UserFacts } from "./facts";

/** Rows per FETCH: about 2 MB of facts in flight. */
const FETCH_ROWS = 5_000;
const CURSOR = "spam_facts";

/**
 * Everyone's facts (an all-time pass) from ONE statement read through a cursor, in sign-up order:
 *
 *   declare spam_facts no scroll cursor for <the grouped facts statement> order by "createdAt", id collate "C"
 *   fetch forward 5000 from spam_facts   -- as the slices ask for more
 *
 * A sliced pass without it looks up each user's sessions through the userId index (a million
 * look-ups at 1M users); one grouped pass over the session table is several times cheaper, and the
 * cursor keeps the process's memory at the slice in hand instead of the history. Postgres sorts the
 * result once (on disk when it must), which is where the memory of a full pass belongs.
 *
 * Ties between one user's simultaneous sessions go by heap position (ctid), the order the per-user
 * plan reads them in, so a sliced window and the stream give the same facts. Only for a plain table:
 * a view has no ctid and a partitioned table's ctids repeat across partitions, so `open` returns null
 * there and the engine keeps the per-slice reads.
 */
export class FactStream {
  private buf: UserFacts[] = [];
  private at = 0;
  private done = false;
  private fetched = false;

  private constructor(
    private readonly trx: Kysely<DB>,
    private readonly outs: readonly OutColumn[],
    private readonly o: { batch: number; timeoutMs: number; firstFetchMs: number },
  ) {}

  /**
   * Declares the cursor inside `trx` (a transaction: the cursor lives until it ends); null when the
   * session relation is not a plain table. `firstFetchMs`: the first FETCH runs the whole statement
   * (grouping and sorting every session), so it gets the pass's budget, not one statement's
   * `timeoutMs` (the per-slice reads it replaces had one statement timeout per slice); later FETCHes
   * only read on.
   */
  static async open(
    q: Q,
    trx: Kysely<DB>,
    now: Date,
    o: { batch?: number; timeoutMs: number; firstFetchMs: number },
  ): Promise<FactStream | null> {
    if (q.caps.sessionTable && !(await plainTable(trx, q.naming.qualified("session")))) return null;
    // The statement's sorts and hashes hold a million users' sessions: the engine's transaction gives
    // them 64 MB of work_mem (lib/spam/engine.ts); with Postgres's default 4 MB each spilled in batches.
    const { query, outs } = factsQuery(q, trx, null, now, null, "heap");
    // createdAt, then id in byte order: the order loadFacts sorts a slice into (JS compares code units)
    const c = query.orderBy(sql`${sql.ref("w.createdAt")}`).orderBy(sql`${sql.ref("w.id")} collate "C"`).compile();
    await trx.executeQuery(CompiledQuery.raw(`declare ${CURSOR} no scroll cursor for ${c.sql}`, [...c.parameters]));
    return new FactStream(trx, outs, { batch: o.batch ?? FETCH_ROWS, timeoutMs: o.timeoutMs, firstFetchMs: Math.max(o.timeoutMs, o.firstFetchMs) });
  }

  /** The next users who signed up before `to` (all that are left when null), in sign-up order. */
  async readUntil(to: number | null): Promise<UserFacts[]> {
    const out: UserFacts[] = [];
    for (;;) {
      while (this.at < this.buf.length) {
        const f = this.buf[this.at] as UserFacts;
        if (to !== null && f.createdAt >= to) return out;
        out.push(f);
        this.at++;
      }
      if (this.done) return out;
      const first = !this.fetched;
      if (first) await this.statementTimeout(this.o.firstFetchMs);
      const r = await this.trx.executeQuery<Row>(CompiledQuery.raw(`fetch forward ${this.o.batch} from ${CURSOR}`));
      if (first) await this.statementTimeout(this.o.timeoutMs);
      this.fetched = true;
      this.buf = r.rows.map((row) => toFacts(row, this.outs));
      this.at = 0;
      if (r.rows.length < this.o.batch) this.done = true;
    }
  }

  /** For the rest of the transaction, like the engine's own `set local statement_timeout`. */
  private async statementTimeout(ms: number): Promise<void> {
    await sql`select set_config('statement_timeout', ${String(Math.floor(ms))}, true)`.execute(this.trx);
  }
}

/** Whether `qualified` ("schema"."table") is an ordinary table: one heap, so ctid orders its rows. */
async function plainTable(trx: Kysely<DB>, qualified: string): Promise<boolean> {
  const r = await sql<{ k: string | null }>`select (select relkind from pg_class where oid = to_regclass(${qualified}))::text as k`.execute(trx);
  return r.rows[0]?.k === "r";
}
