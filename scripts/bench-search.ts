/**
 * npm run bench:search [-- --schema search_1m] [--source bench_1000000] [--pick] [--in-place] [--runs 20] [--ba-runs 5]
 *   [--inproc-runs 20] [--before-runs 10] [--levels 1,100,…] [--warmup 300] [--baseline main|none] [--in-process] [--calibrate] [--sorts -createdAt,createdAt,…]
 *
 * The search frequency sweep: terms from one match to 10% of users, spread over sign-up time and in a
 * recent wave, in email and in name, under each column sort, timed as p50/p95 per term over HTTP
 * (`next start` of this dashboard, warmed first), beside Better Auth's `auth.api.listUsers` with the
 * same searchValue/searchField from the same run, and the planner of `--baseline` (a git ref, default
 * main, extracted under .scratch/ and called in-process) beside this checkout's, in-process.
 *
 * Data. Plant mode (default): `--source` (a seeded schema, read only) is copied into `--schema` in
 * sign-up order with tokens planted at chosen frequencies (scripts/bench/search-data.ts), then the
 * doctor's statements are applied (timed); the copy is reused on later runs. Terms come in two sets:
 * `tune` (what --calibrate measures the cost constants on) and `measure` (what the figures report).
 * Pick mode (--pick, read-only): terms picked from `--schema`'s own data by measured frequency, for a
 * schema another process built. In-place mode (--in-place, the 10M run, where a planted copy of the
 * sessions does not fit on the disk): `--source` is renamed to `--schema` and its user table rewritten
 * with the measuring terms planted. Database: BENCH_DATABASE_URL (else DATABASE_URL).
 * Timings here are noisy (the machine is shared): the load average is printed beside them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { betterAuth } from "better-auth";
import { admin } from "better-auth/plugins";
import { Kysely, PostgresDialect, sql } from "kysely";
import { appAuthOptions } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { createPool, openDatabase } from "../lib/db/open";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING } from "../lib/users/queries";
import { readSearchSample } from "../lib/users/search-sample";
import { applyDoctor, ensurePlanted, pickTerms, plantedTerms, type SweepTerm } from "./bench/search-data";
import { getter, signInCookie, startDashboard } from "./bench/servers";
import { time, type Timing } from "./bench/stats";

const { values } = parseArgs({
  options: {
    schema: { type: "string", default: "search_1m" }, source: { type: "string", default: "bench_1000000" }, pick: { type: "boolean", default: false },
    "in-place": { type: "boolean", default: false },
    runs: { type: "string", default: "20" }, "inproc-runs": { type: "string", default: "20" }, "ba-runs": { type: "string", default: "5" }, "before-runs": { type: "string", default: "10" },
    warmup: { type: "string", default: "300" }, baseline: { type: "string", default: "main" }, "in-process": { type: "boolean", default: false },
    calibrate: { type: "boolean", default: false }, sorts: { type: "string", default: "-createdAt,createdAt,name,-name,email,-email" },
    set: { type: "string", default: "measure" }, levels: { type: "string" }, "sample-seed": { type: "string" },
  },
});
const ROOT = path.resolve(import.meta.dirname, "..");
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/**
 * The planner of `ref` as that checkout runs it: extracted once (lib/ only) next to this checkout's
 * node_modules, its database opened with its own openDatabase (its own introspection, so its own
 * capability shape) and its URL parsed by its own parser. Nothing of this checkout's lib/ reaches
 * it: a capability or parameter shape that changed since `ref` cannot break or skew the baseline.
 * `run(q, sort)` returns the page's ids and the step the planner took.
 */
async function baselinePlanner(ref: string, url: string, schema: string) {
  const sha = execFileSync("git", ["rev-parse", "--short", ref], { cwd: ROOT, encoding: "utf8" }).trim();
  const root = path.join(ROOT, ".scratch", "bench-baseline", sha);
  if (!existsSync(path.join(root, "lib", "users", "queries.ts"))) {
    mkdirSync(root, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} lib | tar -x -C ${JSON.stringify(root)}`], { cwd: ROOT });
  }
  // Its modules, typed loosely on purpose: their shapes are whatever `ref` had.
  const load = (file: string) => import(pathToFileURL(path.join(root, "lib", file)).href) as Promise<Record<string, any>>;
  const [queries, params, open, naming] = await Promise.all([load("users/queries.ts"), load("users/list-params.ts"), load("db/open.ts"), load("db/naming.ts")]);
  const d = await open.openDatabase({
    url, naming: naming.createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 4, statementTimeoutMs: 600_000,
  });
  const run = async (q: string, sort: string): Promise<{ ids: string; step: string }> => {
    const page = await queries.listUsers(d, params.parseUserListParams({ q, sort, limit: "25" }));
    return { ids: (page.rows as { id: string }[]).map((r) => r.id).join(), step: page.searchStep ?? "—" };
  };
  return { sha, run, close: () => d.close() as Promise<void> };
}

const ms = (v: number) => (Number.isNaN(v) ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set BENCH_DATABASE_URL (a PostgreSQL server with the source schema)");
  const schema = values.schema;
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 3, 3_600_000) }) });
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  let terms: SweepTerm[];
  if (values.pick) {
    terms = await pickTerms(raw, schema, console.log);
  } else {
    const fresh = !(await sql<{ x: string | null }>`select to_regclass(${`${schema}.bench_terms`}) as x`.execute(raw)).rows[0]?.x;
    await ensurePlanted(raw, values.source, schema, console.log, values["in-place"]);
    if (fresh) {
      const d0 = await openDatabase({ url, naming, poolMax: 2, statementTimeoutMs: 3_600_000 });
      console.log("Applying the doctor's statements:");
      await applyDoctor(d0, console.log);
      await d0.close();
      // What autovacuum does to a live app's tables: the visibility map index-only steps rely on.
      for (const m of ["user", "account", "session"]) await sql`vacuum (analyze) ${sql.id(schema, m)}`.execute(raw);
    }
    terms = (await plantedTerms(raw, schema)).filter((t) => values.calibrate || t.set === values.set);
    // --levels 1,100,…: only the terms planted with those target match counts, for a shorter run
    const levels = values.levels?.split(",").map(Number);
    if (levels) terms = terms.filter((t) => levels.includes(t.target));
  }
  const d = await openDatabase({ url, naming, poolMax: 4, statementTimeoutMs: 600_000 });
  if (!d.caps.searchIndexed) throw new Error(`${schema} has no trigram indexes: run the doctor first`);
  const users = Number((await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`.execute(raw)).rows[0]?.n);
  const runs = Number(values.runs);
  const sorts = values.sorts.split(",");
  // The planner's sample, repeatable: the constants are fitted on seed 1 (--calibrate, --set tune) and
  // the figures measured on seed 2, so a constant cannot be fitted to the very sample it is judged on.
  const seed = Number(values["sample-seed"] ?? (values.calibrate || values.set === "tune" ? 1 : 2));
  const sample = await readSearchSample(d, seed);
  console.log(`Planner sample: ${sample.size.toLocaleString("en")} rows (seed ${seed}) of ~${sample.tableRows.toLocaleString("en")}`);
  const mine = (q: string, sort: string, tuning = SEARCH_TUNING) => listUsers(d, parseUserListParams({ q, sort, limit: "25" }), undefined, tuning, { sample });

  if (values.calibrate) return calibrate(terms.filter((t) => t.set === "tune"), mine, users, raw, schema).finally(() => Promise.all([d.close(), raw.destroy()]));

  // Matches per term: on its field (what listUsers searches) and over our search (email, name, id).
  const counts = new Map<string, { field: number; ours: number }>();
  for (const t of terms) {
    const r = await raw.transaction().execute(async (trx) => {
      await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
      const p = `%${t.term.toLowerCase()}%`;
      return sql<{ f: string; o: string }>`select count(*) filter (where lower(${sql.id(t.field)}) like ${p}) as f,
        count(*) as o from ${sql.id(schema, "user")} where lower(email) like ${p} or lower(name) like ${p}`.execute(trx);
    });
    counts.set(`${t.field}:${t.term}`, { field: Number(r.rows[0]?.f), ours: Number(r.rows[0]?.o) });
  }

  const auth = betterAuth({ ...appAuthOptions(raw, naming, [], { rateLimit: { enabled: false } }), plugins: [admin()] });
  const signIn = await auth.api.signInEmail({ body: { email: STAFF[0].email, password: DEMO_PASSWORD }, returnHeaders: true });
  const baHeaders = new Headers({ cookie: signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") });
  const theirs = (t: SweepTerm) => () =>
    auth.api.listUsers({ query: { searchValue: t.term, searchField: t.field, searchOperator: "contains", limit: 25, sortBy: "createdAt", sortDirection: "desc" }, headers: baHeaders });
  const before = values.baseline === "none" ? null : await baselinePlanner(values.baseline, url, schema);

  console.log(`\n${users.toLocaleString("en")} users in ${schema} · ${terms.length} terms × ${sorts.length} sorts · load average ${load()}`);
  console.log("Better Auth listUsers and the in-process planners (before/after)…");
  interface Row { t: SweepTerm; sort: string; step: string; stepBefore: string; after: Timing; beforeT: Timing | null; http: Timing | null; ba: Timing }
  const rows: Row[] = [];
  for (const t of terms) {
    const ba = await time(theirs(t), Number(values["ba-runs"]), 1);
    for (const sort of sorts) {
      const first = await mine(t.term, sort);
      const after = await time(() => mine(t.term, sort), Number(values["inproc-runs"]), 2);
      let stepBefore = "—";
      let beforeT: Timing | null = null;
      if (before) {
        const b = await before.run(t.term, sort);
        stepBefore = b.step;
        if (b.ids !== first.rows.map((r) => r.id).join()) throw new Error(`${t.term} ${sort}: before and after return different pages`);
        beforeT = await time(() => before.run(t.term, sort), Number(values["before-runs"]), 1);
      }
      rows.push({ t, sort, step: first.searchStep ?? "—", stepBefore, after, beforeT, http: null, ba });
    }
    process.stdout.write(".");
  }
  console.log(` done (load average ${load()})`);

  if (!values["in-process"]) {
    const dash = await startDashboard({ DATABASE_URL: url, AUTH_DB_SCHEMA: schema, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", DATABASE_POOL_MAX: "10" });
    try {
      const cookie = await signInCookie(dash.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
      const get = getter(dash.base, cookie);
      const path = (q: string, sort: string) => `/api/v1/users?limit=25&sort=${encodeURIComponent(sort)}&q=${encodeURIComponent(q)}`;
      const warm = Number(values.warmup);
      process.stdout.write(`Warming the dashboard up (${warm} requests: lists and searches)…`);
      for (let i = 0; i < warm; i++) await get(i % 2 ? `/api/v1/users?limit=25` : path(terms[i % terms.length]?.term ?? "son", sorts[i % sorts.length] ?? "-createdAt"));
      console.log(` done; timing over HTTP (load average ${load()})…`);
      for (const r of rows) r.http = await time(() => get(path(r.t.term, r.sort)), runs, 3);
    } finally {
      dash.stop();
    }
  }

  const pg = await sql<{ v: string }>`select version() as v`.execute(raw);
  console.log(`\n${users.toLocaleString("en")} users · ${pg.rows[0]?.v.split(" on ")[0]} · ms · ours: ${values["in-process"] ? "in-process" : `HTTP p50/p95 (${runs} runs)`}, in-process after (${values["inproc-runs"]} runs)/before (${values["before-runs"]} runs) p50/p95 · listUsers in-process p50 (${values["ba-runs"]} runs) · load average at the end ${load()}\n`);
  const header = ["term", "field", "layout", "matches", "fraction", "sort", "step", "HTTP p50", "HTTP p95", "after p50", "after p95", `before (${before?.sha ?? "—"}) p50`, "before p95", "before step", "listUsers p50", "speed-up (p50)", "speed-up (vs our p95)"];
  const lines = rows.map((r) => {
    const c = counts.get(`${r.t.field}:${r.t.term}`) ?? { field: Number.NaN, ours: Number.NaN };
    const ours = r.http ?? r.after;
    return [
      r.t.term, r.t.field, r.t.layout, c.field.toLocaleString("en"), `${((100 * c.field) / users).toPrecision(2)}%`, r.sort, r.step,
      r.http ? ms(r.http.p50) : "—", r.http ? ms(r.http.p95) : "—", ms(r.after.p50), ms(r.after.p95),
      r.beforeT ? ms(r.beforeT.p50) : "—", r.beforeT ? ms(r.beforeT.p95) : "—", r.stepBefore, ms(r.ba.p50),
      `${(r.ba.p50 / ours.p50).toFixed(1)}×`, `${(r.ba.p50 / ours.p95).toFixed(1)}×`,
    ];
  });
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n${lines.map((l) => `| ${l.join(" | ")} |`).join("\n")}`);
  const ours = rows.map((r) => r.http ?? r.after);
  const worst = Math.max(...ours.map((o) => o.p95));
  const slowest = Math.min(...rows.map((r, i) => r.ba.p50 / (ours[i] as Timing).p50));
  const miss = rows.filter((r, i) => (ours[i] as Timing).p95 > 25 || r.ba.p50 / (ours[i] as Timing).p50 < 10);
  console.log(`\nworst p95 ${ms(worst)} ms; lowest speed-up ${slowest.toFixed(1)}×; cases missing p95 ≤ 25 ms or ≥ 10×: ${miss.length} of ${rows.length}`);
  if (before) {
    const bw = Math.max(...rows.map((r) => r.beforeT?.p95 ?? 0));
    console.log(`in-process worst p95: after ${ms(Math.max(...rows.map((r) => r.after.p95)))} ms, before ${ms(bw)} ms`);
  }
  await before?.close();
  await d.close();
  await raw.destroy();
}

/**
 * The cost constants of search-plan.ts, measured on the tuning terms: the walk's cost per row from
 * walks of growing length over a term that matches nobody (in sign-up and in name order), and the trigram step's fixed and
 * per-match cost from the tuning terms with no walk at all (least squares over p50s).
 */
async function calibrate(terms: SweepTerm[], mine: (q: string, sort: string, tuning?: typeof SEARCH_TUNING) => Promise<unknown>, users: number, raw: Kysely<any>, schema: string) {
  const fit = (pts: [number, number][]) => {
    const n = pts.length;
    const sx = pts.reduce((a, p) => a + p[0], 0), sy = pts.reduce((a, p) => a + p[1], 0);
    const sxx = pts.reduce((a, p) => a + p[0] * p[0], 0), sxy = pts.reduce((a, p) => a + p[0] * p[1], 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return { slope, intercept: (sy - slope * sx) / n };
  };
  console.log(`Calibrating on ${terms.length} tuning terms (load average ${load()})…`);
  const walk: [number, number][] = [];
  // A walk of the sort index through `rows` rows over a term that matches nobody, as SQL: through the
  // planner a term it judges rare is answered from the trigram indexes, which is no walk. Bitmap scans
  // off for the one statement; the slope is the per-row cost (the intercept is the round trips').
  const U = sql.id(schema, "user");
  for (const [col, dir] of [["createdAt", "desc"], ["name", "asc"]] as const) {
    const by = sql.raw(`"${col}" ${dir}, id ${dir}`);
    const op = sql.raw(dir === "desc" ? ">=" : "<=");
    for (const rows of [1_000, 5_000, 20_000, 50_000]) {
      const t = await time(() => raw.transaction().execute(async (trx) => {
        await sql`select set_config('enable_bitmapscan', 'off', true)`.execute(trx);
        await sql`select id from ${U} where (lower(email) like '%zzqx%' or lower(name) like '%zzqx%')
          and (${sql.id(col)}, id) ${op} (select ${sql.id(col)}, id from ${U} order by ${by} limit 1 offset ${rows - 1}) order by ${by} limit 26`.execute(trx);
      }), 10, 2);
      walk.push([rows, t.p50]);
      console.log(`  walk ${rows} rows (${col} ${dir}): p50 ${ms(t.p50)} ms`);
    }
  }
  const trigram: [number, number][] = [];
  for (const t of terms.filter((t) => t.layout === "spread")) {
    for (const sort of t.field === "email" ? ["-createdAt"] : ["name"]) {
      const r = await time(() => mine(t.term, sort, { ...SEARCH_TUNING, probeRows: 0, maxWalkRows: 0 }), 5, 1);
      trigram.push([t.target, r.p50]);
      console.log(`  trigram step, ${t.term} (${t.target} matches, ${sort}): p50 ${ms(r.p50)} ms`);
    }
  }
  const w = fit(walk);
  const tr = fit(trigram);
  console.log(`\n${users.toLocaleString("en")} users · load average ${load()}`);
  console.log(`walkRowMs ≈ ${w.slope.toPrecision(3)} (fixed ${w.intercept.toFixed(2)} ms); matchMs ≈ ${tr.slope.toPrecision(3)}, trigramMs ≈ ${tr.intercept.toFixed(2)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
