import { sql } from "kysely";
import type { Q } from "../db/context";
import { type AuditRow, listAudit, parseAuditParams } from "../audit/queries";
import { type DashboardModule, enabledModules, type ModuleFigure } from "../modules";

/** The staff overview's figures; each is null when this database cannot say (no table). */
export interface OverviewFigures {
  /** sign-ups per UTC day, oldest first, every day of the window present (zeros included) */
  signups: { day: string; count: number }[];
  /** distinct users with session activity in the last 1, 7 and 30 days */
  active: { d1: number; d7: number; d30: number } | null;
  /**
   * the figures modules contribute (`overviewFigures`, e.g. the admin plugin's users under a ban),
   * by module id, in registration order; a module that is off has none
   */
  modules: Readonly<Record<string, readonly ModuleFigure[]>>;
  /** when these were read (the page says how old they are) */
  at: Date;
}

export const SIGNUP_DAYS = 90;
const DAY = 86_400_000;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Every figure in parallel, each one query on the doctor's indexes. They read every row of their
 * window, so their cost grows with the users (at 1M users, 230k sign-ups in 90 days and 494k
 * sessions refreshed in 30 days: seconds on a busy machine): the page serves them from the cache
 * (cache.ts), never waiting for this read once the instance has figures.
 */
export async function readOverview(q: Q, now = new Date()): Promise<OverviewFigures> {
  const [signups, active, modules] = await Promise.all([readSignups(q, now), readActive(q, now), readModuleFigures(q, enabledModules(q.caps.modules), now)]);
  return { signups, active, modules, at: now };
}

/**
 * Sign-ups per UTC day, the last SIGNUP_DAYS days (today included), zeros filled in; an index-only
 * scan of user (createdAt, id):
 *   select to_char(createdAt at time zone 'UTC', 'YYYY-MM-DD') day, count(*) from user where createdAt >= $since group by 1
 */
export async function readSignups(q: Q, now: Date): Promise<OverviewFigures["signups"]> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (SIGNUP_DAYS - 1) * DAY);
  const rows = await q.db
    .selectFrom("user")
    .select([sql<string>`to_char(${sql.ref("user.createdAt")} at time zone 'UTC', 'YYYY-MM-DD')`.as("day"), (eb) => eb.fn.countAll<string>().as("n")])
    .where("user.createdAt", ">=", since)
    .groupBy(sql`1`)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
  return Array.from({ length: SIGNUP_DAYS }, (_, i) => {
    const day = utcDay(new Date(since.getTime() + i * DAY));
    return { day, count: byDay.get(day) ?? 0 };
  });
}

/**
 * Distinct users with session activity in the last 1, 7 and 30 days (null when sessions are kept
 * only in Redis); an index-only scan of session (updatedAt, userId), each user's latest activity
 * once (one aggregate), then three counts: 3× faster than three count(distinct …) filters, which
 * sort the window three times.
 *   select count(*) filter (where m >= …) … from (select userId, max(updatedAt) m from session
 *   where updatedAt >= now - 30 days group by userId)
 */
export async function readActive(q: Q, now: Date): Promise<OverviewFigures["active"]> {
  if (!q.caps.sessionTable) return null;
  const r = await q.db
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
    .executeTakeFirstOrThrow();
  return { d1: Number(r.d1), d7: Number(r.d7), d30: Number(r.d30) };
}

/**
 * The figures the given modules contribute (the ones that are on: readOverview passes them), each
 * its module's one query, all in parallel; keyed by module id, modules without figures left out.
 */
export async function readModuleFigures(q: Q, mods: readonly Pick<DashboardModule, "id" | "overviewFigures">[], now: Date): Promise<OverviewFigures["modules"]> {
  const read = await Promise.all(
    mods.map(async (m) => [m.id, await Promise.all((m.overviewFigures ?? []).map(async (f) => ({ id: f.id, label: f.label, value: await f.read(q, now), href: f.href ?? null })))] as const),
  );
  return Object.fromEntries(read.filter(([, figures]) => figures.length > 0));
}

/**
 * The latest staff actions, newest first (null without the audit table): read on every visit, not
 * cached with the figures, so staff see what they have just done (eight rows of the audit table's
 * index on its time).
 */
export async function readRecentActions(q: Q): Promise<AuditRow[] | null> {
  return q.caps.audit ? (await listAudit(q, parseAuditParams({ limit: "8" }))).rows : null;
}
