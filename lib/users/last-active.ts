import { type Expression, type SqlBool, sql } from "kysely";
import type { Q } from "../db/context";
import type { UserListParams } from "./search-params";
import { userWhere } from "./filters";
import { type PageKey, sessionWalk } from "./session-walk";

/** Sessions, newest refresh first, the last-activity sort looks through before aggregating them all. */
export const ACTIVITY_WALK = 5_000;

type Cursor = { value: string | null; id: string } | null;
export type { PageKey };

/**
 * One page of users by last activity (their latest session's updatedAt, newest first; users with no
 * session last, as -infinity), without aggregating every session in the table (3 s at 1M users).
 *
 * Sessions are walked newest first (sessionWalk), each user once at their latest session. The walk
 * is capped: if it ends before a full page while sessions remain, this returns null and the caller
 * aggregates. If it ran out of sessions, the rest of the page is users with none, by id.
 */
export async function lastActivePage(q: Q, p: UserListParams, cursor: Cursor, now: Date, walk = ACTIVITY_WALK): Promise<PageKey[] | null> {
  const n = q.naming;
  const sessions = sql.raw(n.qualified("session"));
  const col = (field: string) => sql.id(n.column("session", field));
  const want = p.limit + 1;
  const filters = userWhere(q, p, now) as unknown as (eb: unknown) => Expression<SqlBool>;
  const inTail = cursor?.value === "-infinity";

  const page: PageKey[] = [];
  if (!inTail) {
    const walked = await sessionWalk(q, { dir: "desc", cursor: cursor as { value: string; id: string } | null, filters, want, walk });
    page.push(...walked.page);
    if (page.length === want) return page;
    // The walk stopped at its cap: users further down may still match. The caller aggregates.
    if (walked.capped) return null;
  }
  // Every session below the cursor was seen: what remains are users without one.
  const tail = await q.db
    .selectFrom("user")
    .where(filters as never)
    .where(sql<SqlBool>`not exists (select 1 from ${sessions} as s2 where s2.${col("userId")} = ${sql.ref("user.id")} and s2.${col("updatedAt")} is not null)`)
    .$if(inTail && cursor !== null, (qb) => qb.where("user.id", "<", cursor?.id ?? ""))
    .select(["user.id", sql<string>`'-infinity'`.as("sortValue")])
    .orderBy("user.id", "desc")
    .limit(want - page.length)
    .execute();
  return [...page, ...tail];
}
