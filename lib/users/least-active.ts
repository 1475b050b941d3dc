import { type Expression, type SqlBool, sql } from "kysely";
import type { Q } from "../db/context";
import { type PageKey, sessionWalk } from "./session-walk";
import type { UserListParams } from "./search-params";
import { userWhere } from "./filters";

type Cursor = { value: string | null; id: string } | null;

/**
 * One page of users by least recent activity (sort=lastActiveAt: users with no session first, by
 * id, as '-infinity'; then by their latest session's updatedAt, oldest first, ties by id), without
 * the plain query's per-user aggregate over every user that passes the filters.
 *
 * 1. Never active: users with no session, walked on the users' primary key with an anti-join probe
 *    of session (userId, updatedAt) each; stops at the page. Skipped when the filters ask for
 *    activity (none can match).
 * 2. Then sessions walked oldest first (sessionWalk), each user once at their latest session: old
 *    sessions of users active since are skipped. The walk is capped at `walk` sessions, and if
 *    the cap ends the walk before a full page while sessions remain, this returns null and the
 *    caller aggregates (as for a selective filter, whose users are few anyway).
 * `walk` 0 turns the path off (null): the tests' reference is the plain aggregate.
 */
export async function leastActivePage(q: Q, p: UserListParams, cursor: Cursor, now: Date, walk: number): Promise<PageKey[] | null> {
  if (walk <= 0) return null;
  const n = q.naming;
  const sessions = sql.raw(n.qualified("session"));
  const col = (field: string) => sql.id(n.column("session", field));
  const want = p.limit + 1;
  const filters = userWhere(q, p, now) as unknown as (eb: unknown) => Expression<SqlBool>;
  const inNever = cursor === null || cursor.value === "-infinity";

  // A filter that asks for activity (activeSince, neverActive=false) leaves no never-active user:
  // looking for one would walk every user's key to find none.
  const neverPossible = !p.activeSince && p.neverActive !== false;

  const page: PageKey[] = [];
  if (inNever && neverPossible) {
    // The same "no activity" as the aggregate's coalesce(max(updatedAt), '-infinity'): no session
    // with an updatedAt.
    // Past a cursor, the session side is bounded too (s2.userId > cursor, implied by the join): the
    // planner's merge anti-join otherwise reads the session index from its start (6 s at 1M users,
    // a page deep into the never-active ones; 26 ms with the bound).
    const past = cursor ? sql`and s2.${col("userId")} > ${cursor.id}` : sql``;
    const never = await q.db
      .selectFrom("user")
      .where(filters as never)
      .where(sql<SqlBool>`not exists (select 1 from ${sessions} as s2 where s2.${col("userId")} = ${sql.ref("user.id")} and s2.${col("updatedAt")} is not null ${past})`)
      .$if(cursor !== null, (qb) => qb.where("user.id", ">", cursor?.id ?? ""))
      .select(["user.id", sql<string>`'-infinity'`.as("sortValue")])
      .orderBy("user.id", "asc")
      .limit(want)
      .execute();
    page.push(...never);
    if (page.length === want) return page;
  }
  // Every never-active user is on this page or before it: the active ones follow, oldest first.
  // The activity filters bound the walk: a user active since D has their latest session at or after
  // D, one inactive since D before it; sessions outside can be no matching user's latest. (Without
  // the lower bound, activeSince=90 days walked the years before it and fell back: 40 s at 1M.)
  const walked = await sessionWalk(q, {
    dir: "asc",
    cursor: inNever ? null : (cursor as { value: string; id: string }),
    since: p.activeSince,
    before: p.lastActiveBefore,
    filters,
    want: want - page.length,
    walk,
  });
  page.push(...walked.page);
  if (page.length === want) return page;
  // The walk stopped at its cap: users further on may still match. The caller aggregates.
  if (walked.capped) return null;
  return page;
}
