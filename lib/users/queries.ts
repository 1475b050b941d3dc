import { type CompiledQuery, type RawBuilder, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import { has } from "../db/introspect";
import { banOf, listFilters, profileFieldNames } from "../modules";
import { heavy, type Q } from "../db/context";
import type { DB, UserTable } from "../db/schema";
import { badRequest } from "../errors";
import { decodeCursor, isTimestampText, keysetPage } from "../db/cursor";
import { userWhere } from "./filters";
import { ACTIVITY_WALK, lastActivePage } from "./last-active";
import type { KeptActivity } from "../audit/queries";
import { withKeptActivity } from "./kept-activity";
import type { UserListParams, UserSort } from "./search-params";

/** A user in the list: the columns as the schema types them, plus what the list derives. */
export interface UserRow
  extends Pick<Selectable<UserTable>, "id" | "name" | "email" | "emailVerified" | "image" | "role" | "banned" | "banReason" | "banExpires" | "createdAt" | "updatedAt"> {
  lastActiveAt: Date | null;
  /**
   * No session left (lastActiveAt null): the last activity an audit record kept when the user's
   * sessions were ended (a ban, a revoke), when the audit table has one. See kept-activity.ts.
   */
  keptActivity?: KeptActivity | null;
  /** account.providerId values, e.g. ["credential", "google"] */
  providers: string[];
  /** optional module fields (username, phoneNumber, twoFactorEnabled …) when their columns exist */
  extra: Record<string, unknown>;
}

/** Whitelisted sort keys → the SQL they order by. */
const sorts = {
  "-createdAt": { column: "user.createdAt", dir: "desc" },
  createdAt: { column: "user.createdAt", dir: "asc" },
  // email is unique (Better Auth's own index): no id tie-break needed, so that index serves the sort.
  email: { column: "user.email", dir: "asc", unique: true },
  "-email": { column: "user.email", dir: "desc", unique: true },
  name: { column: "user.name", dir: "asc" },
  "-name": { column: "user.name", dir: "desc" },
  "-lastActiveAt": { column: null, dir: "desc" },
  // Least recently active first: the aggregate below (one index probe per user, under the heavy
  // limiter); the session walk of last-active.ts serves only the newest-first direction.
  lastActiveAt: { column: null, dir: "asc" },
} as const satisfies Record<UserSort, { column: string | null; dir: "asc" | "desc"; unique?: boolean }>;

// The modules' profile fields (lib/modules), not a list restated here.
const extraUserFields = profileFieldNames;

/** Columns of a user row: admin columns read as NULL when the admin plugin is absent. */
function selectUser<O>(q: Q, qb: SelectQueryBuilder<DB, "user", O>) {
  const admin = banOf(q.caps) !== null;
  const nul = <T>() => sql<T>`null`;
  return qb
    .select([
      "user.id", "user.name", "user.email", "user.emailVerified", "user.image", "user.role",
      "user.createdAt", "user.updatedAt",
      admin ? "user.banned" : nul<boolean | null>().as("banned"),
      admin ? "user.banReason" : nul<string | null>().as("banReason"),
      admin ? "user.banExpires" : nul<Date | null>().as("banExpires"),
      // Correlated subqueries on account/session use Better Auth's userId indexes: O(page), no N+1.
      // Sessions only in Redis: no last activity from the database.
      q.caps.sessionTable
        ? (eb) => eb.selectFrom("session").select((s) => s.fn.max("session.updatedAt").as("m")).whereRef("session.userId", "=", "user.id").as("lastActiveAt")
        : nul<Date | null>().as("lastActiveAt"),
      (eb) =>
        eb
          .selectFrom("account")
          .select(sql<string[]>`coalesce(array_agg(distinct ${sql.ref("account.providerId")}), '{}')`.as("p"))
          .whereRef("account.userId", "=", "user.id")
          .as("providers"),
    ])
    .select(extraUserFields.filter((f) => has(q.caps, "user", f)).map((f) => `user.${f}` as "user.username"));
}

function toUserRow(r: Record<string, unknown>): UserRow {
  const extra: Record<string, unknown> = {};
  for (const f of extraUserFields) if (f in r) extra[f] = r[f];
  return {
    id: r.id as string,
    name: r.name as string,
    email: r.email as string,
    emailVerified: Boolean(r.emailVerified),
    image: (r.image as string | null) ?? null,
    role: (r.role as string | null) ?? null,
    banned: (r.banned as boolean | null) ?? null,
    banReason: (r.banReason as string | null) ?? null,
    banExpires: (r.banExpires as Date | null) ?? null,
    createdAt: r.createdAt as Date,
    updatedAt: r.updatedAt as Date,
    lastActiveAt: (r.lastActiveAt as Date | null) ?? null,
    providers: (r.providers as string[] | null) ?? [],
    extra,
  };
}

/**
 * One page of users, keyset-paginated: `WHERE (sortValue, id) < (cursorValue, cursorId)` with the
 * same ORDER BY, so page 40,000 costs what page 1 costs. Fetches limit+1 rows to know if there is
 * a next page; never counts.
 */
export async function listUsers(
  q: Q,
  p: UserListParams,
  now = new Date(),
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<{ rows: UserRow[]; nextCursor: string | null; searchStep?: SearchStep }> {
  const page = await listUserPage(q, p, now, tuning);
  return { ...page, rows: await withKeptActivity(q, page.rows) };
}

async function listUserPage(
  q: Q,
  p: UserListParams,
  now: Date,
  tuning: SearchTuning,
): Promise<{ rows: UserRow[]; nextCursor: string | null; searchStep?: SearchStep }> {
  // A module filter whose module is off cannot be honoured on this list: a 400 naming it.
  for (const f of listFilters) {
    if ((p as Record<string, unknown>)[f.key] && !q.caps.modules.has(f.module)) {
      throw badRequest(`${f.key}: not available in this database (Better Auth's ${f.module} plugin columns are missing)`);
    }
  }
  const spec = sorts[p.sort];
  if (spec.column === null && !q.caps.sessionTable) throw badRequest("sort: last activity needs sessions in the database; this app keeps them only in Redis");
  const cursor = p.cursor ? decodeCursor(p.cursor, p.sort) : null;
  const isTime = spec.column === null || spec.column === "user.createdAt";
  if (cursor && isTime && !isTimestampText(cursor.value)) throw badRequest("cursor: malformed");
  const cmp = spec.dir === "desc" ? "<" : ">";

  // The sort value travels as Postgres text so timestamps keep their microseconds across pages.
  let sortExpr: RawBuilder<unknown>;
  if (spec.column === null) {
    // Per user, an index probe on session (userId, updatedAt): a selective filter (the banned, whose
    // sessions were revoked) costs its own size, not a GROUP BY over every session.
    const last = q.db
      .selectFrom("session")
      .select((eb) => eb.fn.max("session.updatedAt").as("m"))
      .where(sql<boolean>`${sql.ref("session.userId")} = ${sql.ref("user.id")}`);
    sortExpr = sql<Date>`coalesce((${last}), '-infinity'::timestamptz)`;
  } else {
    sortExpr = sql.ref(spec.column);
  }
  /** Rows matching the filters (and the search, if asked) past the cursor. */
  const filtered = (search: boolean) => {
    let qb = q.db.selectFrom("user").where(userWhere(q, search ? p : { ...p, q: undefined }, now));
    if (cursor) {
      const value = isTime ? sql`cast(${cursor.value} as timestamptz)` : sql`${cursor.value}`;
      qb = qb.where(
        "unique" in spec
          ? sql<boolean>`${sortExpr} ${sql.raw(cmp)} ${value}`
          : sql<boolean>`(${sortExpr}, ${sql.ref("user.id")}) ${sql.raw(cmp)} (${value}, ${cursor.id})`,
      );
    }
    return qb;
  };
  const sorted = <O>(qb: SelectQueryBuilder<DB, "user", O>) =>
    qb.orderBy(sortExpr, spec.dir).$if(!("unique" in spec), (qb) => qb.orderBy("user.id", spec.dir));
  /** The page: ids first, then the full rows for just those ids. */
  const pageOf = (qb: SelectQueryBuilder<DB, "user", object>) => {
    // Two steps: the inner query finds the page's ids (a plain scan Postgres can run in parallel
    // workers); the outer one adds the per-row subqueries for just those rows. Subqueries in the
    // inner select list would make the whole scan non-parallel. The sort value's text form is
    // computed outside, for the page only: under a top-N sort over a scan, every select-list
    // expression runs once per scanned row (70 ms per 1M rows for this cast).
    const pageIds = sorted(qb.select(["user.id", sortExpr.as("sortKey")])).limit(p.limit + 1).as("page");
    // selectUser is typed for `from user`; the join adds only the derived `page` table.
    const joined = q.db.selectFrom(pageIds).innerJoin("user", "user.id", "page.id") as unknown as SelectQueryBuilder<DB, "user", object>;
    return selectUser(q, joined)
      .select(sql<string>`cast(${sql.ref("page.sortKey")} as text)`.as("sortValue"))
      .orderBy(sql.ref("page.sortKey"), spec.dir)
      .orderBy(sql.ref("page.id"), spec.dir);
  };

  // Last activity: walk the sessions newest first rather than aggregate them all, when the walk
  // can answer (see last-active.ts); otherwise the aggregate below.
  if (p.sort === "-lastActiveAt") {
    const keys = await lastActivePage(q, p, cursor, now, tuning.activityWalk);
    if (keys) {
      const users = await getUsersByIds(q, keys.slice(0, p.limit).map((k) => k.id));
      const { page, nextCursor } = keysetPage(keys, p.limit, p.sort);
      return { rows: page.flatMap((k) => users.get(k.id) ?? []), nextCursor };
    }
  }

  let rows: Awaited<ReturnType<ReturnType<typeof pageOf>["execute"]>>;
  let searchStep: SearchStep | undefined;
  if (p.q && p.q.length >= 3 && q.caps.searchIndexed && spec.column !== null) {
    // Where the first walkRows rows (filters and cursor applied, search not) end in sort order.
    const withinFirst = (n: number) => {
      const nth = sorted(filtered(false).select([sortExpr.as("k"), "user.id"])).limit(1).offset(n - 1);
      const op = sql.raw(spec.dir === "desc" ? ">=" : "<=");
      return "unique" in spec
        ? sql<boolean>`${sortExpr} ${op} (select k from (${nth}) as nth)`
        : sql<boolean>`(${sortExpr}, ${sql.ref("user.id")}) ${op} (${nth})`;
    };
    // The trigram step: every match (up to the cap) with its sort key, the page's ids picked from
    // them in the same query, and how many there were (over the capped set, before the LIMIT).
    const trigramPage = (cap: number) =>
      q.db
        .selectFrom(filtered(true).select(["user.id", sortExpr.as("k")]).limit(cap + 1).as("m"))
        .select(["m.id", sql<string>`count(*) over ()`.as("n")])
        .orderBy(sql.ref("m.k"), spec.dir)
        .orderBy(sql.ref("m.id"), spec.dir)
        .limit(p.limit + 1)
        .compile();
    ({ rows, step: searchStep } = await indexedSearch(q, filtered(true), withinFirst, trigramPage, pageOf, p.limit, tuning));
  } else {
    // Unindexed searches and the last-activity sort may scan a table: they share the limited slots.
    // (Terms under 3 characters have no trigram to look up: they may scan too.)
    const expensive = Boolean(p.q) || spec.column === null;
    const query = pageOf(filtered(true));
    rows = expensive ? await heavy(q, () => query.execute()) : await query.execute();
  }

  const { page, nextCursor } = keysetPage(rows, p.limit, p.sort);
  return { rows: page.map((r) => toUserRow(r as Record<string, unknown>)), nextCursor, ...(searchStep ? { searchStep } : {}) };
}

export interface SearchTuning {
  /** Rows, in sort order, a search first looks through for a full page of matches. */
  walkRows: number;
  /** Up to this many matches are fetched by the trigram index and sorted; past it the planner walks the sort index. */
  fewMatches: number;
  /** Sessions the last-activity sort looks through before aggregating them all (last-active.ts). */
  activityWalk: number;
}
export const SEARCH_TUNING: SearchTuning = { walkRows: 1_000, fewMatches: 2_000, activityWalk: ACTIVITY_WALK };
/** Which step of indexedSearch answered (tests check each is reached; results never depend on it). */
export type SearchStep = "walk" | "trigram" | "planner";

/**
 * A substring search with its trigram indexes, in up to three steps, each cheap where it is used:
 * 1. Common terms ("son", 2–4% of users): the first walkRows rows in sort order hold a full page of
 *    matches, and then those are exactly the page, since every later match sorts after them
 *    (about 1 ms at 1M users, where asking the trigram index first cost 8 ms). When they hold only
 *    some, one longer walk sized from that density.
 * 2. Rare terms: the planner estimates a substring's matches from its length alone, so under
 *    ORDER BY … LIMIT it walks the sort index expecting an early stop, and reads the whole table
 *    (1.5 s at 1M users). Asking the trigram index (bitmap scans only, capped) lists every match
 *    with its sort key, and the page's ids are picked from them in the same query.
 * 3. Neither (more than fewMatches matches, sparser than the walk): the planner's walk, which
 *    then stops early as it expects.
 */
async function indexedSearch<R extends { id: string }>(
  q: Q,
  matching: SelectQueryBuilder<DB, "user", object>,
  withinFirst: (rows: number) => RawBuilder<boolean>,
  trigramPage: (cap: number) => CompiledQuery<{ id: string; n: string }>,
  pageOf: (qb: SelectQueryBuilder<DB, "user", object>) => { execute(): Promise<R[]> },
  limit: number,
  { walkRows, fewMatches }: SearchTuning,
): Promise<{ rows: R[]; step: SearchStep }> {
  // The walk's end is found in the same query (an index-only step, run once); with fewer rows than
  // it there is no end, nothing passes, and the next steps answer.
  const walked = await pageOf(matching.where(withinFirst(walkRows))).execute();
  if (walked.length > limit) return { rows: walked, step: "walk" };
  // Many matches but not a page: the term is common but sparser. One longer walk, sized from the
  // density just seen (twice the rows a page should need) and only if that is at most 5× the first,
  // usually finishes the page for a few ms; a term whose matches cluster at the top (a recent
  // wave) falls through to step 2. (At 3M users: "son" 47 → 10 ms; "Johann", 1 match in the first
  // 1,000, would have paid 40 ms for a 20,000-row walk that still fell short.)
  const longer = Math.ceil((walkRows * 2 * (limit + 1)) / Math.max(walked.length, 1));
  if (walked.length > 0 && longer <= walkRows * 5) {
    const more = await pageOf(matching.where(withinFirst(longer))).execute();
    if (more.length > limit) return { rows: more, step: "walk" };
  }
  const compiled = trigramPage(fewMatches);
  // No time cap on this probe on purpose: a term with common trigrams but few matches would then
  // fall through to the walk, the 1.5 s case this exists to avoid. Its cost is bounded by the bitmap.
  const found = await q.db.transaction().execute(async (trx) => {
    // Bitmap scans only (the trigram index), for this transaction, in one round trip.
    await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
      set_config('enable_indexonlyscan', 'off', true)`.execute(trx);
    return (await trx.executeQuery(compiled)).rows;
  });
  if (Number(found[0]?.n ?? 0) <= fewMatches) {
    const ids = found.map((r) => r.id);
    return { rows: await pageOf(matching.where("user.id", "=", sql<string>`any(${ids}::text[])`)).execute(), step: "trigram" };
  }
  return { rows: await pageOf(matching).execute(), step: "planner" };
}

export async function getUser(q: Q, id: string): Promise<UserRow | null> {
  const row = await selectUser(q, q.db.selectFrom("user").where("user.id", "=", id)).executeTakeFirst();
  return row ? toUserRow(row as Record<string, unknown>) : null;
}

/** Several users by id in one query (the review queue's page), in no particular order. */
export async function getUsersByIds(q: Q, ids: readonly string[]): Promise<Map<string, UserRow>> {
  if (!ids.length) return new Map();
  const rows = await selectUser(q, q.db.selectFrom("user").where("user.id", "=", sql<string>`any(${[...ids]}::text[])`)).execute();
  return new Map(rows.map((r) => [r.id, toUserRow(r as Record<string, unknown>)]));
}
