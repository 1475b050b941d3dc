import { sql } from "kysely";
import { heavy, type Q } from "../db/context";
import { isStatementTimeout } from "../errors";
import { userWhere } from "./filters";
import { hasFilters, type UserFilters } from "./list-params";

export type UserCount =
  | { kind: "exact"; value: number }
  | { kind: "atLeast"; value: number }
  | { kind: "estimate"; value: number }
  | { kind: "unknown" };

export const COUNT_CAP = 10_000;

/**
 * A count that never holds up a page: the planner's estimate for the unfiltered table, otherwise an
 * exact count that stops at COUNT_CAP ("10,000+") under its own short statement timeout.
 *   select count(*) from (select 1 from user where … limit 10001)
 */
export async function countUsers(q: Q, f: UserFilters, now = new Date(), timeoutMs = 3000): Promise<UserCount> {
  if (!hasFilters(f)) {
    const { rows } = await sql<{ n: number }>`
      select c.reltuples::float8 as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where s.nspname = ${q.naming.options.schema} and c.relname = ${q.naming.table("user")}`.execute(q.db);
    const estimate = rows[0]?.n ?? -1;
    if (estimate > COUNT_CAP) return { kind: "estimate", value: Math.round(estimate) };
  }
  try {
    return await heavy(q, () => q.db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = ${sql.lit(Math.floor(timeoutMs))}`.execute(trx);
      const capped = trx.selectFrom("user").select(sql`1`.as("one")).where(userWhere(q, f, now)).limit(COUNT_CAP + 1).as("capped");
      const row = await trx.selectFrom(capped).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      const n = Number(row.n);
      return n > COUNT_CAP ? { kind: "atLeast", value: COUNT_CAP } : { kind: "exact", value: n };
    }));
  } catch (err) {
    if (isStatementTimeout(err)) return { kind: "unknown" };
    throw err;
  }
}
