import { sql } from "kysely";
import type { Q } from "../db/context";
import { type AuditRow, listAudit, parseAuditParams } from "../audit/queries";
import { banOf } from "../modules";

/** The staff overview's figures; each is null when this database cannot say (no table, no plugin). */
export interface OverviewFigures {
  /** sign-ups per UTC day, oldest first, every day of the window present (zeros included) */
  signups: { day: string; count: number }[];
  /** distinct users with session activity in the last 1, 7 and 30 days */
  active: { d1: number; d7: number; d30: number } | null;
  /** users under a ban in force */
  banned: number | null;
  /** when these were read (the page says how old they are) */
  at: Date;
}

export const SIGNUP_DAYS = 90;
const DAY = 86_400_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Every figure in parallel, each one indexed query (the doctor's indexes: user (createdAt, id) for
 * sign-ups, session (updatedAt, userId) for activity, the partial user_banned for bans):
 *   sign-ups: select day, count(*) from user where createdAt >= $since group by day
 *   active:   select count(*) filter (where m >= …) … from (select userId, max(updatedAt) m from session
 *             where updatedAt >= now - 30 days group by userId)
 */
export async function readOverview(q: Q, now = new Date()): Promise<OverviewFigures> {
  // a ban contributed by a module that is on (counted while it is in force)
  const ban = banOf(q.caps);
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (SIGNUP_DAYS - 1) * DAY);
  const [signupRows, active, banned] = await Promise.all([
    q.db
      .selectFrom("user")
      .select([sql<string>`to_char(${sql.ref("user.createdAt")} at time zone 'UTC', 'YYYY-MM-DD')`.as("day"), (eb) => eb.fn.countAll<string>().as("n")])
      .where("user.createdAt", ">=", since)
      .groupBy(sql`1`)
      .execute(),
    q.caps.sessionTable
      ? q.db
          // Each user's latest activity in the window once (a hash aggregate), then three counts:
          // 3× faster than three count(distinct …) filters, which sort the window three times.
          .selectFrom(
            q.db
              .selectFrom("session")
              .select(["session.userId", (eb) => eb.fn.max("session.updatedAt").as("m")])
              .where("session.updatedAt", ">=", new Date(now.getTime() - 30 * DAY))
              .groupBy("session.userId")
              .as("latest"),
          )
          .select([
            sql<string>`count(*) filter (where m >= ${new Date(now.getTime() - DAY)})`.as("d1"),
            sql<string>`count(*) filter (where m >= ${new Date(now.getTime() - 7 * DAY)})`.as("d7"),
            sql<string>`count(*)`.as("d30"),
          ])
          .executeTakeFirstOrThrow()
      : null,
    ban ? q.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).where((eb) => ban.inForce(eb, now)).executeTakeFirstOrThrow() : null,
  ]);
  const byDay = new Map(signupRows.map((r) => [r.day, Number(r.n)]));
  const signups = Array.from({ length: SIGNUP_DAYS }, (_, i) => {
    const day = utcDay(new Date(since.getTime() + i * DAY));
    return { day, count: byDay.get(day) ?? 0 };
  });
  return {
    signups,
    active: active ? { d1: Number(active.d1), d7: Number(active.d7), d30: Number(active.d30) } : null,
    banned: banned ? Number(banned.n) : null,
    at: now,
  };
}

/**
 * The latest staff actions, newest first (null without the audit table): read on every visit, not
 * cached with the figures, so staff see what they have just done (eight rows of the audit table's
 * index on its time).
 */
export async function readRecentActions(q: Q): Promise<AuditRow[] | null> {
  return q.caps.audit ? (await listAudit(q, parseAuditParams({ limit: "8" }))).rows : null;
}
