import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import type { Q } from "../db/context";
import { enabledReviewExits, reviewExits } from "../modules";
import type { DB } from "../db/schema";

/**
 * What the engine reads about each user, in ONE statement over the app's tables (logical names; the
 * name-mapping plugin rewrites them). Sessions are summarised per user: count, first and last
 * activity, distinct active days, and the first session's address and client (the sign-up proxy).
 *
 *   with w as (select id, email, name, emailVerified, createdAt[, out_0 … one per "out of review" state] from user [where createdAt >= $from])
 *   select w.*, s.*, exists(select 1 from account where userId = w.id and providerId <> 'credential') as oauth
 *   from w left join lateral (select … from (ordered) where userId = w.id) s on true      -- a window
 *   from w left join (select userId, … from (ordered) group by userId) s on s.userId = w.id -- everyone
 *
 * where (ordered) is the user's sessions in start order, each with its predecessor's start and day:
 *
 *   select createdAt c, …, lag(createdAt) over o pc, lag(date_trunc('day', createdAt)) over o pd
 *   from session window o as ([partition by userId] order by createdAt[, id])
 *
 * One sort per user feeds every fact: the distinct days are the rows whose day differs from the
 * previous row's (no count(distinct), which sorts again), and the first and latest session's address
 * and client come from the rows that start a new instant (`pc` differs), whose first and last
 * elements they are. Before, five aggregates each sorted the user's sessions (Postgres 15 sorts per
 * ordered or distinct aggregate). Sessions that start at one instant keep the order the scan read them
 * in, as in the five sorts before, so the first such session is both the first and the latest, as the
 * ascending and the descending sort gave it (no ctid tie-break: a view has none). Everyone's sessions
 * are sorted as one table, which would break ties arbitrarily: there the session id breaks them.
 */
export interface UserFacts {
  id: string;
  email: string;
  name: string;
  verified: boolean;
  createdAt: number;
  /** the "out of review" states it is in now, as bits (lib/spam/out-of-review.ts); 0: none */
  out: number;
  /** sessions still in the table */
  sessions: number;
  firstSessionAt: number | null;
  /** latest activity any session shows (createdAt or the refresh that moved updatedAt) */
  lastSeen: number | null;
  /** distinct UTC days with activity (session starts, plus the last refresh when on a later day) */
  activeDays: number;
  /** address and client of the earliest session, when it started within minutes of sign-up */
  signupIp: string | null;
  signupUa: string | null;
  hasSignupSession: boolean;
  /** address and client of the latest session (to tell a person's return from the sign-up script's) */
  lastIp: string | null;
  lastUa: string | null;
  /** signed up (or linked) with an OAuth provider */
  oauth: boolean;
}

/** The earliest session counts as the sign-up request only if it started this soon after the user row. */
export const SIGNUP_PROXY_MS = 10 * 60_000;
const DAY = 86_400_000;

export interface Row {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean | null;
  createdAt: number;
  /** out_<bit>: one per state that is on (see outColumns) */
  [out: `out_${number}`]: boolean | null;
  n: number | null;
  firstAt: number | null;
  lastSeen: number | null;
  lastCreated: number | null;
  days: number | null;
  ip: string | null;
  ua: string | null;
  lastIp: string | null;
  lastUa: string | null;
  oauth: boolean;
}

export interface OutColumn {
  name: string;
  bit: number;
  exit: (typeof reviewExits)[number];
}

/** The states of the modules that are on, each with its column alias and its bit (its registration position). */
const outColumns = (on: ReadonlySet<string>): OutColumn[] =>
  enabledReviewExits(on).map((exit) => {
    const i = reviewExits.indexOf(exit);
    return { name: `out_${i}`, bit: 1 << i, exit };
  });

/** Timestamps travel as float8 epoch milliseconds: parsing a million Date strings costs seconds. */
const ms = (e: RawBuilder<unknown>) => sql<number>`(extract(epoch from ${e}) * 1000)::float8`;
const s = (col: string) => sql.ref(`session.${col}`);

/**
 * The sessions of one user (`userId` given: a lateral) or of everyone (partitioned by user), in start
 * order, each with its predecessor's start (`pc`) and day (`pd`); see the header comment.
 */
const ordered = (trx: Kysely<DB>, userId: RawBuilder<unknown> | null, ties: "id" | "heap" = "id") => {
  const day = sql`date_trunc('day', ${s("createdAt")})`;
  // One user's sessions: ties keep the scan's (heap) order, as the five sorts before did (see the
  // header). Everyone's: the table-wide sort would break ties arbitrarily, so the heap position
  // (ctid: a plain table's; the same order one user's index scan reads) or, for a view, the id does.
  const tie = ties === "heap" ? sql`ctid` : s("id");
  const order = userId ? sql`order by ${s("createdAt")}` : sql`partition by ${s("userId")} order by ${s("createdAt")}, ${tie}`;
  let q = trx.selectFrom("session").select([
    "session.userId as uid",
    sql<Date>`${s("createdAt")}`.as("c"),
    sql<Date>`${s("updatedAt")}`.as("u"),
    sql<string | null>`${s("ipAddress")}`.as("ip"),
    sql<string | null>`${s("userAgent")}`.as("ua"),
    day.as("d"),
    sql`lag(${day}) over (${order})`.as("pd"),
    sql`lag(${s("createdAt")}) over (${order})`.as("pc"),
  ]);
  if (userId) q = q.where(sql<boolean>`${s("userId")} = ${userId}`);
  return q;
};

const o = (col: string) => sql.ref(`ord.${col}`);
const newInstant = sql<boolean>`${o("c")} is distinct from ${o("pc")}`;

/** One row of session facts per user over `ordered` (see the header comment). */
const sessionAggregates = () => [
  sql<number>`count(*)::int`.as("n"),
  ms(sql`min(${o("c")})`).as("firstAt"),
  ms(sql`max(greatest(${o("c")}, ${o("u")}))`).as("lastSeen"),
  ms(sql`max(${o("c")})`).as("lastCreated"),
  sql<number>`(count(*) filter (where ${o("d")} is distinct from ${o("pd")}))::int`.as("days"),
  sql<(string | null)[]>`array_agg(${o("ip")}) filter (where ${newInstant})`.as("ips"),
  sql<(string | null)[]>`array_agg(${o("ua")}) filter (where ${newInstant})`.as("uas"),
];

/**
 * Users who signed up in [from, to) (no bound when null), oldest first. Two plans for one result: a
 * bounded range looks up its own users' sessions through the userId index (a lateral join, cheap for
 * a slice of the users); everyone aggregates the session table in one grouped pass, which is about
 * twice as fast as a million index look-ups but holds every user at once (the engine slices instead).
 */
export async function loadFacts(q: Q, trx: Kysely<DB>, from: Date | null, now: Date, to: Date | null = null): Promise<UserFacts[]> {
  const { query, outs } = factsQuery(q, trx, from, now, to, "id");
  const rows = (await query.execute()) as unknown as Row[];
  // Sorted here rather than by Postgres (no wide-row sort spilling to disk on a slice's pass): an index
  // sort on a typed array of times, ties by id so the order is deterministic.
  const n = rows.length;
  const times = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = (rows[i] as Row).createdAt;
    order[i] = i;
  }
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || ((rows[a] as Row).id < (rows[b] as Row).id ? -1 : 1));
  const out = new Array<UserFacts>(n);
  for (let i = 0; i < n; i++) out[i] = toFacts(rows[order[i] as number] as Row, outs);
  return out;
}

/** The facts statement for [from, to) (see loadFacts), unsorted; `ties` orders one user's simultaneous sessions in the grouped plan. */
export function factsQuery(q: Q, trx: Kysely<DB>, from: Date | null, now: Date, to: Date | null, ties: "id" | "heap") {
  const sessions = q.caps.sessionTable && q.caps.columns.session.has("userId") && q.caps.columns.session.has("ipAddress");
  // One column per "out of review" state that is on (a ban in force, say), as its module defines it.
  const outs = outColumns(q.caps.modules);
  const outOf = (eb: ExpressionBuilder<DB, "user">) => outs.map(({ name, exit }) => sql<boolean>`${exit.isOut(eb, now)}`.as(name));
  let users = trx.selectFrom("user").select((eb) => ["user.id", "user.email", "user.name", "user.emailVerified", "user.createdAt", ...outOf(eb)]);
  if (from) users = users.where("user.createdAt", ">=", from);
  if (to) users = users.where("user.createdAt", "<", to);

  const base = trx.with("w", () => users).selectFrom("w");
  let joined = base;
  if (sessions && (from || to)) {
    const perUser = trx.selectFrom(ordered(trx, sql.ref("w.id")).as("ord")).select(sessionAggregates());
    joined = base.leftJoinLateral(() => perUser.as("s"), (j) => j.onTrue()) as unknown as typeof base;
  } else if (sessions) {
    const grouped = trx.selectFrom(ordered(trx, null, ties).as("ord")).select([sql.ref("ord.uid").as("userId"), ...sessionAggregates()]).groupBy("ord.uid" as never).as("s");
    joined = base.leftJoin(grouped as never, "s.userId" as never, "w.id") as unknown as typeof base;
  }
  // OAuth: for a slice, one look-up through the account userId index per user (LIMIT 1 keeps it a
  // look-up). As an EXISTS the planner hashes every OAuth account of the table instead, a full scan of
  // the account table per slice: 40 of them for an all-time pass at 1M users.
  const oauthOf = (eb: ExpressionBuilder<DB, "account">) =>
    eb.selectFrom("account").select(sql<number>`1`.as("one")).whereRef("account.userId", "=", "w.id" as never).where("account.providerId", "<>", "credential");
  const bounded = Boolean(from || to);
  if (bounded) joined = joined.leftJoinLateral((eb) => oauthOf(eb as never).limit(1).as("o"), (j) => j.onTrue()) as unknown as typeof base;
  // Everyone: the users with an OAuth account, listed once and hashed. As an EXISTS, Postgres 15 ran
  // it as a correlated look-up per user: 20 of the 76 s of an all-time pass at 1M users.
  else {
    const linked = trx.selectFrom("account").select("account.userId").where("account.providerId", "<>", "credential").groupBy("account.userId").as("o");
    joined = joined.leftJoin(linked as never, "o.userId" as never, "w.id") as unknown as typeof base;
  }
  // Without session rows every session column reads as NULL (one select list either way).
  const col = (name: string) => (sessions ? sql.ref(`s.${name}`) : sql`null`).as(name);
  const query = joined.select(() => [
    "w.id", "w.email", "w.name", "w.emailVerified", ms(sql.ref("w.createdAt")).as("createdAt"), ...outs.map(({ name }) => sql.ref(`w.${name}`).as(name)),
    col("n"), col("firstAt"), col("lastSeen"), col("lastCreated"), col("days"),
    // first and last of the instants' addresses and clients (cardinality 0 on no session: NULL either way)
    (sessions ? sql`${sql.ref("s.ips")}[1]` : sql`null`).as("ip"),
    (sessions ? sql`${sql.ref("s.uas")}[1]` : sql`null`).as("ua"),
    (sessions ? sql`${sql.ref("s.ips")}[cardinality(${sql.ref("s.ips")})]` : sql`null`).as("lastIp"),
    (sessions ? sql`${sql.ref("s.uas")}[cardinality(${sql.ref("s.uas")})]` : sql`null`).as("lastUa"),
    sql<boolean>`${sql.ref(bounded ? "o.one" : "o.userId")} is not null`.as("oauth"),
  ]);
  return { query, outs };
}

export function toFacts(r: Row, outs: readonly OutColumn[]): UserFacts {
  let outBits = 0;
  for (const { name, bit } of outs) if (r[name as `out_${number}`] === true) outBits |= bit;
  const createdAt = r.createdAt;
  const firstAt = r.firstAt;
  const lastSeen = r.lastSeen;
  const lastCreated = r.lastCreated;
  const hasSignupSession = firstAt !== null && firstAt - createdAt <= SIGNUP_PROXY_MS && firstAt - createdAt >= -60_000;
  let activeDays = r.days ?? 0;
  // a refresh on a later day than any session start is one more day of activity
  if (lastSeen !== null && lastCreated !== null && Math.floor(lastSeen / DAY) > Math.floor(lastCreated / DAY)) activeDays++;
  return {
    id: r.id,
    email: r.email,
    name: r.name ?? "",
    verified: r.emailVerified === true,
    createdAt,
    out: outBits,
    sessions: r.n ?? 0,
    firstSessionAt: firstAt,
    lastSeen,
    activeDays,
    signupIp: hasSignupSession ? r.ip : null,
    signupUa: hasSignupSession ? r.ua : null,
    hasSignupSession,
    lastIp: r.lastIp,
    lastUa: r.lastUa,
    oauth: r.oauth === true,
  };
}

/**
 * Local parts to learn what addresses look like in this app: up to `limit` users in primary-key
 * order, which for Better Auth's random ids is a random sample (an index scan, not a table scan).
 */
export async function loadTrainingLocals(trx: Kysely<DB>, limit = 20_000): Promise<string[]> {
  const rows = await trx.selectFrom("user").select("user.email").orderBy("user.id").limit(limit).execute();
  return rows.map((r) => {
    const at = r.email.lastIndexOf("@");
    return (at > 0 ? r.email.slice(0, at) : r.email).toLowerCase();
  });
}
