import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Naming, quoteIdent } from "../db/naming";
import type { SeedBatch } from "./rows";
import { accountColumns, type Column, type PresentColumns, type SeedModel, sessionColumns, userColumns } from "./unnest";

/**
 * The seeder's fast path on a real Postgres: one `COPY … FROM STDIN` per table per batch, in COPY's
 * text format. Postgres skips the per-row executor work of INSERT … SELECT unnest() and the array
 * parsing; Node builds one string per table instead of one array literal per column. PGlite has no
 * COPY FROM STDIN over its socket, so lib/seed/unnest.ts stays the path there (and the reference the
 * tests compare this one with).
 */

// COPY text format: backslash, newline, carriage return and tab are the only characters to escape.
const COPY_ESCAPE = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  // ISO with `Z`: unambiguous whatever the session's time zone
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return COPY_ESCAPE.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] as string) : s;
}

/** The rows as COPY text (tab-separated, one line per row), in the order of `cols`. */
export function copyText<R>(rows: readonly R[], cols: readonly Column<R>[]): string {
  let out = "";
  for (const row of rows) {
    for (let c = 0; c < cols.length; c++) {
      if (c > 0) out += "\t";
      out += copyValue(row[(cols[c] as Column<R>).field]);
    }
    out += "\n";
  }
  return out;
}

async function copyRows<R>(client: pg.PoolClient, naming: Naming, model: SeedModel, columns: readonly Column<R>[], present: ReadonlySet<string> | undefined, rows: readonly R[]) {
  if (rows.length === 0) return;
  // optional plugin columns only when the table has them, as in unnestInsert
  const cols = columns.filter((c) => !present || present.has(c.field));
  const names = cols.map((c) => quoteIdent(naming.column(model, c.field))).join(", ");
  const stream = client.query(copyFrom(`copy ${naming.qualified(model)} (${names}) from stdin`));
  await pipeline(Readable.from([copyText(rows, cols)]), stream);
}

/** One batch in one transaction on one connection: users first (foreign keys, when present, are checked per row). */
export async function copyBatch(pool: pg.Pool, naming: Naming, present: PresentColumns, batch: SeedBatch): Promise<void> {
  const client = await pool.connect();
  let failed: unknown;
  try {
    await client.query("begin");
    await client.query("set local time zone 'UTC'");
    await copyRows(client, naming, "user", userColumns, present.user, batch.users);
    await copyRows(client, naming, "account", accountColumns, present.account, batch.accounts);
    await copyRows(client, naming, "session", sessionColumns, present.session, batch.sessions);
    await client.query("commit");
  } catch (err) {
    failed = err;
    await client.query("rollback").catch(() => undefined); // the connection is discarded below either way
    throw err;
  } finally {
    // a connection that failed mid-COPY is in an unknown protocol state: do not give it back to the pool
    client.release(failed instanceof Error ? failed : undefined);
  }
}
