import { type Kysely, sql } from "kysely";
import { inspect } from "../../lib/doctor/inspect";
import type { Database } from "../../lib/db/open";
import { STAFF } from "../../lib/seed/staff";

/**
 * Data for `npm run bench:search`: a copy of a seeded schema with search terms planted at chosen
 * frequencies (plant mode), or terms picked from an existing schema by measured frequency (pick
 * mode, read-only: for the 10M schema another process built).
 */
export interface SweepTerm {
  term: string;
  field: "email" | "name";
  /** spread: matches uniform over sign-up time; wave: half of the newest 2n sign-ups */
  layout: "spread" | "wave";
  /** tune: the constants are measured on these; measure: the reported figures come from these */
  set: "tune" | "measure";
  target: number;
}

/** Matches per 1M users; scaled to the table. From one match to 10%. */
export const LEVELS = [1, 10, 100, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

// Real-looking surnames / mailbox words, composed so none occurs in the seeded data (checked).
const HEADS = ["bal", "cor", "dun", "fen", "gal", "hux", "lor", "mar", "nov", "pel", "quin", "ros", "tav", "vel", "wyn", "brack", "thorn", "ald"];
const TAILS = ["ridge", "ston", "wick", "holm", "berg", "ley", "ford", "mont", "shaw", "vik"];

const cap = (s: string) => s.slice(0, 1).toUpperCase() + s.slice(1);

/** The tokens to plant, per set, layout, field and level: tokens that match nobody in `table` yet. */
async function chooseTerms(raw: Kysely<any>, table: ReturnType<typeof sql.id>, users: number): Promise<SweepTerm[]> {
  // Candidate tokens that match nobody yet (one scan), alternately for the tuning and measuring sets.
  const candidates = HEADS.flatMap((h) => TAILS.map((t) => h + t));
  // One scan, one regular expression (an EXISTS per candidate would scan the table once per unused one).
  const hits = await sql<{ t: string }>`select distinct m[1] as t
    from ${table}, regexp_matches(lower(email || ' ' || name), ${`(${candidates.join("|")})`}, 'g') as m`.execute(raw);
  const taken = new Set(hits.rows.map((r) => r.t));
  const free = candidates.filter((c) => !taken.has(c));
  const terms: SweepTerm[] = [];
  for (const set of ["tune", "measure"] as const) {
    for (const layout of ["spread", "wave"] as const) {
      for (const field of ["email", "name"] as const) {
        for (const level of LEVELS) {
          const token = free.shift();
          if (!token) throw new Error("ran out of unused tokens: add HEADS/TAILS");
          const target = Math.max(1, Math.round((level * users) / 1_000_000));
          terms.push({ term: field === "name" ? cap(token) : token, field, layout, set, target });
        }
      }
    }
  }
  return terms;
}

/** Which users a term goes to: a hash of the id and the term, so each term lands on its own users. */
const pickOf = (term: string) => sql`(hashtext(id || ${term})::bigint + 2147483648)`;

/**
 * Copies `source` (user, account, session) into `schema` in sign-up order (the heap order of an app
 * whose rows were inserted as people signed up), plants the terms, adds Better Auth's own indexes and
 * applies the doctor's statements. Skipped when the schema already has its term list.
 *
 * `inPlace` (the 10M run, where a second copy of the sessions does not fit on the disk): `source`, a
 * schema the seeder owns, is renamed to `schema` and only its user table is rewritten with the
 * measuring set's terms planted (accounts and sessions stay where they are).
 */
export async function ensurePlanted(raw: Kysely<any>, source: string, schema: string, log: (s: string) => void, inPlace = false): Promise<void> {
  const ready = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "bench_terms")}`.execute(raw).then(
    (r) => Number(r.rows[0]?.n) > 0,
    (err: { code?: string }) => {
      if (err.code === "42P01" || err.code === "3F000") return false;
      throw err;
    },
  );
  if (ready) return log(`Reusing planted schema ${schema}.`);
  if (inPlace) return plantInPlace(raw, source, schema, log);
  const t0 = performance.now();
  log(`Copying ${source} into ${schema} and planting terms…`);
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
  await sql`create schema ${sql.id(schema)}`.execute(raw);
  const tbl = (t: string) => sql.id(schema, t);
  await sql`create table ${tbl("stage")} as select * from ${sql.id(source, "user")}`.execute(raw);
  const users = Number((await sql<{ n: string }>`select count(*) as n from ${tbl("stage")}`.execute(raw)).rows[0]?.n);
  const terms = await chooseTerms(raw, tbl("stage"), users);
  for (const t of terms) {
    // email: the token as a mailbox part ("balridge.anna.meyer@…", still unique); name: a second surname.
    const set = t.field === "email" ? sql`email = ${t.term.toLowerCase()} || '.' || email` : sql`name = name || '-' || ${t.term}`;
    if (t.layout === "spread") {
      await sql`update ${tbl("stage")} set ${set} where ${pickOf(t.term)} % ${users} < ${t.target} and ${notStaff}`.execute(raw);
    } else {
      // a recent wave: half of the newest 2n sign-ups
      await sql`update ${tbl("stage")} set ${set} where id in (select id from ${tbl("stage")} order by "createdAt" desc, id desc limit ${2 * t.target}) and ${pickOf(t.term)} % 2 = 0 and ${notStaff}`.execute(raw);
    }
  }
  await sql`create table ${tbl("user")} as select * from ${tbl("stage")} order by "createdAt", id`.execute(raw);
  await sql`drop table ${tbl("stage")}`.execute(raw);
  for (const m of ["account", "session"]) await sql`create table ${tbl(m)} as select * from ${sql.id(source, m)}`.execute(raw);
  await sql`create table ${tbl("verification")} as select * from ${sql.id(source, "verification")}`.execute(raw);
  // Better Auth's own constraints and indexes (what its migration creates)
  await sql`alter table ${tbl("user")} add primary key (id), add constraint user_email_key unique (email)`.execute(raw);
  await sql`alter table ${tbl("account")} add primary key (id)`.execute(raw);
  await sql`alter table ${tbl("verification")} add primary key (id)`.execute(raw);
  await sql`alter table ${tbl("session")} add primary key (id), add constraint session_token_key unique (token)`.execute(raw);
  await sql`create index "account_userId_idx" on ${tbl("account")} ("userId")`.execute(raw);
  await sql`create index "session_userId_idx" on ${tbl("session")} ("userId")`.execute(raw);
  await saveTerms(raw, schema, terms);
  log(`  ${users.toLocaleString("en")} users copied, ${terms.length} terms planted in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/**
 * The demo staff keep their addresses: they are the newest sign-ups, so a wave term planted into
 * the newest users renamed admin@demo.local and the bench could not sign in (the 10M run).
 */
const notStaff = sql`id <> all(${STAFF.map((s) => s.id)}::text[])`;

async function saveTerms(raw: Kysely<any>, schema: string, terms: SweepTerm[]): Promise<void> {
  const tbl = sql.id(schema, "bench_terms");
  await sql`create table ${tbl} (term text primary key, field text not null, layout text not null, set text not null, target int not null)`.execute(raw);
  for (const t of terms) await sql`insert into ${tbl} values (${t.term}, ${t.field}, ${t.layout}, ${t.set}, ${t.target})`.execute(raw);
}

/**
 * The in-place variant of ensurePlanted: the same terms (the measuring set) on the same users as the
 * copy's sequential updates would give them, written in one rewrite of the user table in sign-up order;
 * the user table's constraints and indexes, and the foreign keys that point at it, are re-created from
 * their saved definitions.
 */
async function plantInPlace(raw: Kysely<any>, source: string, schema: string, log: (s: string) => void): Promise<void> {
  const t0 = performance.now();
  const exists = (s: string) => sql<{ x: string | null }>`select to_regnamespace(${s})::text as x`.execute(raw).then((r) => Boolean(r.rows[0]?.x));
  if (!(await exists(schema))) {
    if (!(await exists(source))) throw new Error(`neither ${schema} nor ${source} exists: seed ${source} first`);
    log(`Renaming ${source} to ${schema} (it becomes the planted schema; seed again for a fresh ${source})…`);
    await sql`alter schema ${sql.id(source)} rename to ${sql.id(schema)}`.execute(raw);
  }
  const user = sql.id(schema, "user");
  const users = Number((await sql<{ n: string }>`select count(*) as n from ${user}`.execute(raw)).rows[0]?.n);
  const all = await chooseTerms(raw, user, users);
  const terms = all.filter((t) => t.set === "measure");
  log(`  planting ${terms.length} terms into ${users.toLocaleString("en")} users in place…`);
  const hit = (t: SweepTerm) =>
    sql`${t.layout === "spread" ? sql`${pickOf(t.term)} % ${users} < ${t.target}` : sql`rn_ <= ${2 * t.target} and ${pickOf(t.term)} % 2 = 0`} and ${notStaff}`;
  // Sequential updates prepend each email token (the last planted ends up first) and append each name one.
  const emailParts = terms.filter((t) => t.field === "email").reverse().map((t) => sql`case when ${hit(t)} then ${`${t.term.toLowerCase()}.`} else '' end`);
  const nameParts = terms.filter((t) => t.field === "name").map((t) => sql`case when ${hit(t)} then ${`-${t.term}`} else '' end`);
  const email = sql.join([...emailParts, sql.ref("email")], sql` || `);
  const name = sql.join([sql.ref("name"), ...nameParts], sql` || `);
  const { rows: cols } = await sql<{ c: string }>`select column_name as c from information_schema.columns
    where table_schema = ${schema} and table_name = 'user' order by ordinal_position`.execute(raw);
  const select = sql.join(cols.map(({ c }) => (c === "email" ? sql`${email} as email` : c === "name" ? sql`${name} as name` : sql.ref(c))));
  // What to re-create: the user table's indexes and constraints, and the foreign keys that reference it.
  const { rows: own } = await sql<{ def: string }>`select pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid = ${`${schema}.user`}::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(raw);
  const { rows: cons } = await sql<{ rel: string; name: string; def: string; fk: boolean }>`select conrelid::regclass::text as rel, conname as name,
    pg_get_constraintdef(oid) as def, contype = 'f' as fk from pg_constraint
    where conrelid = ${`${schema}.user`}::regclass or confrelid = ${`${schema}.user`}::regclass order by contype = 'f'`.execute(raw);
  const planted = sql.id(schema, "user_planted");
  await sql`create table ${planted} as select ${select} from (select *, row_number() over (order by "createdAt" desc, id desc) as rn_ from ${user}) u order by "createdAt", id`.execute(raw);
  await sql`drop table ${user} cascade`.execute(raw);
  await sql`alter table ${planted} rename to "user"`.execute(raw);
  // The ids did not change, so the foreign keys still hold: NOT VALID skips re-checking 30M sessions
  // (12 minutes at 10M users); they are enforced for new rows all the same.
  for (const c of cons) await sql`alter table ${sql.raw(c.rel)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)}${sql.raw(c.fk ? " not valid" : "")}`.execute(raw);
  for (const i of own) await sql.raw(i.def).execute(raw);
  await saveTerms(raw, schema, terms);
  log(`  ${terms.length} terms planted in place in ${((performance.now() - t0) / 1000).toFixed(0)} s (constraints and indexes re-created: ${cons.length + own.length})`);
}

/**
 * The doctor's statements (as `npm run doctor -- --apply` runs them), each timed; without
 * CONCURRENTLY, since nothing else uses the copy, and a concurrent build waits for every older
 * transaction on the whole server (another process's idle transaction held one here for minutes).
 */
export async function applyDoctor(d: Database, log: (s: string) => void): Promise<void> {
  const r = await inspect(d, {});
  for (const statement of r.statements) {
    const s = statement.replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX");
    const t0 = performance.now();
    await sql.raw(s).execute(d.authDb);
    log(`  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${s.slice(0, 110)}`);
  }
}

export async function plantedTerms(raw: Kysely<any>, schema: string): Promise<SweepTerm[]> {
  const r = await sql<SweepTerm>`select term, field, layout, set, target from ${sql.id(schema, "bench_terms")} order by set, layout, field, target`.execute(raw);
  return r.rows;
}

/**
 * Pick mode (read-only): candidate terms from the data itself (surnames and mailbox words of a
 * sample of users), counted, then the one nearest each level per field. Spread or wave is judged
 * from sign-up time: a term whose matches fall in the newest 10% of users over 3× as often as
 * the table's do (30%+) is a wave.
 */
export async function pickTerms(raw: Kysely<any>, schema: string, log: (s: string) => void): Promise<SweepTerm[]> {
  const U = sql.id(schema, "user");
  const users = Number((await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = ${`${schema}.user`}::regclass`.execute(raw)).rows[0]?.n);
  const sample = await sql<{ email: string; name: string }>`select email, name from ${U} tablesample system (1) repeatable (7) limit 3000`.execute(raw);
  const words = (field: "email" | "name") => {
    const seen = new Map<string, number>();
    for (const r of sample.rows) {
      const parts = field === "email" ? (r.email.split("@")[0] ?? "").split(/[._\d-]+/) : r.name.split(/[\s-]+/);
      for (const w of parts) if (w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
    }
    // common words first, and a spread of the rest (the rare ones are what the sample saw once)
    const sorted = [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    return [...sorted.slice(0, 40), ...sorted.slice(40).filter((_, i) => i % 25 === 0).slice(0, 40)];
  };
  const cut = (await sql<{ c: Date }>`select "createdAt" as c from ${U} order by "createdAt" desc offset ${Math.floor(users / 10)} limit 1`.execute(raw)).rows[0]?.c;
  const out: SweepTerm[] = [];
  for (const field of ["email", "name"] as const) {
    const counted: { term: string; n: number; recent: number }[] = [];
    for (const term of words(field)) {
      const r = await raw.transaction().execute(async (trx) => {
        await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
        return sql<{ n: string; recent: string }>`select count(*) as n, count(*) filter (where "createdAt" >= ${cut}) as recent from ${U}
          where lower(${sql.id(field)}) like ${`%${term.toLowerCase()}%`}`.execute(trx);
      });
      counted.push({ term, n: Number(r.rows[0]?.n), recent: Number(r.rows[0]?.recent) });
    }
    for (const level of LEVELS) {
      const target = Math.max(1, Math.round((level * users) / 1_000_000));
      const best = counted.filter((c) => c.n > 0).sort((a, b) => Math.abs(Math.log(a.n / target)) - Math.abs(Math.log(b.n / target)))[0];
      if (!best || out.some((o) => o.term === best.term && o.field === field)) continue;
      out.push({ term: best.term, field, layout: best.recent / best.n > 0.3 ? "wave" : "spread", set: "measure", target: best.n });
    }
    log(`  picked ${out.filter((o) => o.field === field).length} ${field} terms from ${counted.length} candidates`);
  }
  return out;
}
