import { type CompiledQuery, type RawBuilder, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import { has } from "../db/introspect";
import { listFilters, type ModuleRowFields, profileFieldNames, rowFields } from "../modules";
import { heavy, type Q } from "../db/context";
import type { DB, UserTable } from "../db/schema";
import { badRequest } from "../errors";
import { decodeCursor, isTimestampText, keysetPage } from "../db/cursor";
import { userWhere } from "./filters";
import { prefixTerm } from "./prefix-search";
import { ACTIVITY_WALK, lastActivePage } from "./last-active";
import { leastActivePage } from "./least-active";
import type { KeptActivity } from "../audit/queries";
import { withKeptActivity } from "./kept-activity";
import type { UserListParams, UserSort } from "./search-params";
import { chooseSearchStep, type SampleView, type SearchTuning } from "./search-plan";
import { hitRanks, type SampleOrder, type SearchSample, sampleHits, sampleRowAt, searchSample } from "./search-sample";

/**
 * A user in the list: the columns as the schema types them, the fields modules put on every row
 * (`ModuleRowFields`: a module's `userRow.fields`, null while it is off), plus what the list derives.
 */
export interface UserRow
  extends Pick<Selectable<UserTable>, "id" | "name" | "email" | "emailVerified" | "image" | "role" | "createdAt" | "updatedAt">,
    ModuleRowFields {
  lastActiveAt: Date | null;
  /**
   * No session left (lastActiveAt null): the last activity an audit record kept when the user's
   * sessions were ended (a ban, a revoke), when the audit table has one. See kept-activity.ts.
   */
  keptActivity?: KeptActivity | null;
  /** account.providerId values, e.g. ["credential", "google"] */
  providers: string[];
  /** the modules' profile and list-column fields, when their columns exist */
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
  // Least recently active first: never-active users, then a walk of sessions oldest first
  // (least-active.ts); the aggregate below when that walk cannot answer.
  lastActiveAt: { column: null, dir: "asc" },
} as const satisfies Record<UserSort, { column: string | null; dir: "asc" | "desc"; unique?: boolean }>;

// The modules' profile fields (lib/modules), not a list restated here.
const extraUserFields = profileFieldNames;

/** Columns of a user row: a module's row fields read as NULL while the module is off. */
function selectUser<O>(q: Q, qb: SelectQueryBuilder<DB, "user", O>) {
  const nul = <T>() => sql<T>`null`;
  return qb
    .select([
      "user.id", "user.name", "user.email", "user.emailVerified", "user.image", "user.role",
      "user.createdAt", "user.updatedAt",
      ...rowFields.map(({ field, module }) => (q.caps.modules.has(module) && has(q.caps, "user", field) ? (`user.${field}` as "user.id") : nul<unknown>().as(field))),
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
    .select(extraUserFields.filter((f) => has(q.caps, "user", f)).map((f) => `user.${f}` as "user.id"));
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
    ...(Object.fromEntries(rowFields.map(({ field }) => [field, r[field] ?? null])) as unknown as ModuleRowFields),
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
  opts: SearchPlanOptions = {},
): Promise<{ rows: UserRow[]; nextCursor: string | null; searchStep?: SearchStep }> {
  const page = await listUserPage(q, p, now, tuning, opts);
  return { ...page, rows: await withKeptActivity(q, page.rows) };
}

async function listUserPage(
  q: Q,
  p: UserListParams,
  now: Date,
  tuning: SearchTuning,
  opts: SearchPlanOptions,
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
    // Per user, an index probe on session (userId, updatedAt): a selective filter (a module's status
    // whose users' sessions were revoked) costs its own size, not a GROUP BY over every session.
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

  // Last activity: walk the sessions (newest first, or never-active users and then the oldest
  // first) rather than aggregate them all, when the walk can answer (see last-active.ts,
  // least-active.ts); otherwise the aggregate below.
  if (p.sort === "-lastActiveAt" || p.sort === "lastActiveAt") {
    const walk = p.sort === "-lastActiveAt" ? lastActivePage : leastActivePage;
    const keys = await walk(q, p, cursor, now, tuning.activityWalk);
    if (keys) {
      const users = await getUsersByIds(q, keys.slice(0, p.limit).map((k) => k.id));
      const { page, nextCursor } = keysetPage(keys, p.limit, p.sort);
      return { rows: page.flatMap((k) => users.get(k.id) ?? []), nextCursor };
    }
  }

  let rows: Awaited<ReturnType<ReturnType<typeof pageOf>["execute"]>>;
  let searchStep: SearchStep | undefined;
  // `ann*` (prefix-search.ts) is answered by the email index's ranges, not the trigram steps
  if (p.q && !prefixTerm(p.q) && q.caps.searchIndexed && spec.column !== null) {
    // The first n rows in sort order (filters and cursor applied, search not): the nth row's key is
    // found in the same query (an index-only step, run once). With fewer than n rows there is no nth
    // row and nothing passes: a walk that reached the end answers nothing, and the next step does.
    // Or, given `at` (the sample's row about n rows in: sampleRowAt), that row's key by its id.
    const withinFirst = (n: number, at: string | null) => {
      const nth =
        at === null
          ? sorted(filtered(false).select([sortExpr.as("k"), "user.id"])).limit(1).offset(n - 1)
          : q.db.selectFrom("user").select([sortExpr.as("k"), "user.id"]).where("user.id", "=", at);
      const op = sql.raw(spec.dir === "desc" ? ">=" : "<=");
      return "unique" in spec
        ? sql<boolean>`${sortExpr} ${op} (select k from (${nth}) as nth)`
        : sql<boolean>`(${sortExpr}, ${sql.ref("user.id")}) ${op} (${nth})`;
    };
    const plan = { term: p.q, order: spec.column.slice("user.".length) as SampleOrder, desc: spec.dir === "desc", cursor: cursor !== null, ...opts };
    ({ rows, step: searchStep } = await indexedSearch(q, plan, filtered(true), withinFirst, pageOf, p.limit, tuning));
  } else {
    // Unindexed searches and the last-activity sort may scan a table: they share the limited slots.
    const expensive = Boolean(p.q) || spec.column === null;
    const query = pageOf(filtered(true));
    rows = expensive ? await heavy(q, () => query.execute()) : await query.execute();
  }

  const { page, nextCursor } = keysetPage(rows, p.limit, p.sort);
  return { rows: page.map((r) => toUserRow(r as Record<string, unknown>)), nextCursor, ...(searchStep ? { searchStep } : {}) };
}

export type { SearchTuning } from "./search-plan";
/**
 * The planner's constants (see search-plan.ts). headHits and walkSafety: scripts/fit-search-plan.ts on
 * the bench's tuning terms and sample seed (200k users, load ~5): a safety factor of 5 met the 25 ms
 * p95 in as many or more cases than 3 at every head size (by 0-2 of 240), 2 and 1.5 in fewer; head
 * sizes 4-32 were within noise, 16 is their middle (docs/bench/search-planner.md). The per-row
 * costs are ratios `npm run bench:search -- --calibrate` measured at 200k users (load 10-14): a row
 * walked 0.6 µs in sign-up order (walkRowMs rounds it up to 1), 1.5 in name order (and ~4 µs in the
 * sweep's email-order walks: randomRowMs 2), a match fetched by the trigram step (random heap page,
 * recheck, sort) 3-4.7 µs; the step's fixed part over a walk's ~2,000 rows' worth. walkRisk 2: a walk
 * is priced at the rows it expects (since 2026-12-03; before, at its 5× cap) and must cost under
 * half the trigram step.
 */
export const SEARCH_TUNING: SearchTuning = {
  headHits: 16, walkSafety: 5, walkRisk: 2, clusterGap: 5, probeRows: 256, maxWalkRows: 60_000,
  walkRowMs: 0.001, randomRowMs: 0.002, matchMs: 0.003, trigramMs: 2, activityWalk: ACTIVITY_WALK,
};
/**
 * Which step of indexedSearch answered (tests check each is reached; results never depend on it):
 * a walk, the trigram step at once, the trigram step after a walk that fell short, or a scan.
 */
export type SearchStep = "walk" | "trigram" | "walk+trigram" | "scan";

/** The sample the planner reads (search-sample.ts); a test or the bench may pass its own. */
export interface SearchPlanOptions {
  sample?: SearchSample | null;
}

/**
 * A substring search with the trigram indexes, planned from the process's sample of the table
 * (search-plan.ts), with nothing read to plan:
 * - a walk of the sort index through the first n rows (filters and cursor applied): if they hold a
 *   full page of matches, those are exactly the page, since every later match sorts after them;
 * - the trigram step: every match past the cursor from the trigram indexes (bitmap scans only: the
 *   planner estimates a substring's matches from its length alone and would walk the sort index
 *   expecting an early stop, reading the whole table for a rare term: 1.5 s at 1M users), sorted,
 *   the page taken; one query.
 * A walk that falls short hands over to the trigram step. Terms under 3 characters have no
 * trigrams: their last step is the planner's own plan (under the limiter).
 */
async function indexedSearch<R extends { id: string }>(
  q: Q,
  plan: { term: string; order: SampleOrder; desc: boolean; cursor: boolean; sample?: SearchSample | null },
  matching: SelectQueryBuilder<DB, "user", object>,
  withinFirst: (rows: number, at: string | null) => RawBuilder<boolean>,
  pageOf: (qb: SelectQueryBuilder<DB, "user", object>) => { execute(): Promise<R[]>; compile(): CompiledQuery<R> },
  limit: number,
  tuning: SearchTuning,
): Promise<{ rows: R[]; step: SearchStep }> {
  const trigram = plan.term.length >= 3;
  const sample = plan.sample !== undefined ? plan.sample : await searchSample(q);
  const view = sample ? sampleView(sample, plan.term, plan.order, plan.desc, tuning.headHits, plan.cursor) : null;
  const choice = chooseSearchStep({ sample: view, want: limit + 1, trigram, signUpOrder: plan.order === "createdAt" }, tuning);
  let walked = false;
  if (choice.step === "walk" || choice.step === "walk+trigram") {
    // One statement that walks the sort index, stopping at the page's last match (the first-n bound
    // caps it). Bitmap scans are off for it: Postgres guesses ~100 matches for any substring, and for
    // a name term of 1-2% it answered the walk from the trigram indexes instead, fetching all 20,000
    // matches (60 ms at 1M users where the walk takes a few).
    // The cap: in name or email order a sampled row about that far in (a key look-up); in sign-up
    // order, past a cursor (where the sample does not know the rank) or without a sample, the nth row
    // counted through the sort index. Sign-up order is the table's order on disk, so a block sample's
    // rows come in runs of one page and its rank is only good to a page gap: at 10M users a 256-row
    // probe capped at the second-newest sampled row read 58,880 rows (80 ms instead of ~1).
    const at = sample && !plan.cursor && plan.order !== "createdAt" ? sampleRowAt(sample, plan.order, plan.desc, choice.rows) : null;
    const rows = await walkStep(q, pageOf(matching.where(withinFirst(choice.rows, at))).compile());
    if (rows.length > limit) return { rows, step: "walk" };
    walked = true;
  }
  if (!trigram) return { rows: await heavy(q, () => pageOf(matching).execute()), step: "scan" };
  return { rows: await trigramStep(q, pageOf(matching).compile()), step: walked ? "walk+trigram" : "trigram" };
}

function sampleView(s: SearchSample, term: string, order: SampleOrder, desc: boolean, headHits: number, cursor: boolean): SampleView {
  const { hits, head } = hitRanks(s, sampleHits(s, term), order, desc, headHits);
  return { hits, sampled: s.size, tableRows: s.tableRows, head, cursor };
}

/**
 * The page's query with bitmap scans only, for this transaction, in one round trip: the trigram
 * indexes list every match (and the primary key the id), the top-N sort picks the page. No time
 * cap on purpose: its cost is bounded by the matches past the cursor; giving up would mean the
 * planner's walk, the 1.5 s case this exists to avoid.
 */
const trigramStep = <R>(q: Q, compiled: CompiledQuery<R>) => withScans(q, ["seqscan", "indexscan", "indexonlyscan"], compiled);

/** The walk: the sort index only (see indexedSearch). */
const walkStep = <R>(q: Q, compiled: CompiledQuery<R>) => withScans(q, ["bitmapscan", "seqscan"], compiled);

/**
 * One query with some of Postgres's scan kinds off, for its transaction only, and no parallel
 * workers: with bitmap scans off Postgres ran a capped walk as a Parallel Index Scan, whose two
 * workers took ~10 ms to start for a walk of a few hundred rows (a rare term's probe: 33 ms instead
 * of 15 at 1M users).
 */
async function withScans<R>(q: Q, off: readonly string[], compiled: CompiledQuery<R>): Promise<R[]> {
  return q.db.transaction().execute(async (trx) => {
    const settings = [...off.map((k) => sql`set_config(${`enable_${k}`}, 'off', true)`), sql`set_config('max_parallel_workers_per_gather', '0', true)`];
    await sql`select ${sql.join(settings)}`.execute(trx);
    return (await trx.executeQuery(compiled)).rows;
  });
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
