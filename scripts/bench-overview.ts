/**
 * npx tsx scripts/bench-overview.ts [--users N] [--runs R]   (default 100,000 users, 10 runs)
 * Times the overview's uncached read (readOverview: sign-ups per day, active 1/7/30 days, bans) on
 * the seeded benchmark database (scripts/bench/setup.ts); run `npm run doctor -- --apply` on its
 * schema first, as the figure assumes the doctor's indexes. Prints median and worst.
 * --http --schema S: first each figure's query in-process (uncached, p50/p95), then the overview
 * page over HTTP from the built server (`next start`, signed in), as staff meet it:
 *   cold   the first request after a server start (--starts of them, a new server each; the
 *          server reads the figures at start, so this shows whether that read is done by then)
 *   warm   served from the instance's figures (p50/p95)
 *   stale  past the TTL: the older figures served at once while one read runs in the background
 * beside the users list's first page from the same server. S is a writable copy of a bench schema
 * (scripts/bench/copy-schema.ts): signing in writes a session row.
 */
import { parseArgs } from "node:util";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { OVERVIEW_TTL_MS } from "../lib/overview/cache";
import { enabledModules } from "../lib/modules";
import { readActive, readModuleFigures, readOverview, readSignups } from "../lib/overview/figures";
import { load, signedInDashboard } from "./bench/http";
import { prepareBenchDatabase } from "./bench/setup";
import { percentile, time } from "./bench/stats";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" }, runs: { type: "string", default: "10" }, http: { type: "boolean", default: false },
    schema: { type: "string" }, starts: { type: "string", default: "3" },
  },
  strict: true,
});

const f = (v: number) => `${v.toFixed(0)} ms`;

async function overHttp(schema: string, runs: number, starts: number) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("--http needs BENCH_DATABASE_URL or DATABASE_URL");
  if (schema.startsWith("bench_")) throw new Error(`--http signs in (a session row): run it on a copy of ${schema} (scripts/bench/copy-schema.ts)`);
  // In-process first, on the same schema: each figure's query, uncached, without HTTP or rendering.
  const d = await openDatabase({ url, naming: createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 3, statementTimeoutMs: 600_000 });
  const users = await d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  console.log(`overview at ${Number(users.n).toLocaleString("en")} users (schema ${schema}), node ${process.version}`);
  for (const [name, fn] of [["sign-ups per day, 90 days", readSignups], ["active users 1/7/30 days", readActive], ["modules' figures", (q: typeof d, now: Date) => readModuleFigures(q, enabledModules(q.caps.modules), now)]] as const) {
    const t = await time(() => fn(d, new Date()), runs, 1);
    console.log(`  query, ${name.padEnd(28)} p50 ${f(t.p50)}, p95 ${f(t.p95)} (${t.runs} runs)  ${load()}`);
  }
  const all = await time(() => readOverview(d, new Date()), runs, 1);
  console.log(`  readOverview (the three in parallel)  p50 ${f(all.p50)}, p95 ${f(all.p95)} (${all.runs} runs)  ${load()}`);
  await d.close();

  const get = async (dash: { base: string; cookie: string }, path: string) => {
    const started = performance.now();
    const res = await fetch(`${dash.base}${path}`, { headers: { cookie: dash.cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
    if (path === "/overview" && !body.includes("Sign-ups per day")) throw new Error("the overview did not render its figures");
    const age = /data-testid="overview-age"[^>]*>([^<]*)</.exec(body.replaceAll("<!-- -->", ""))?.[1] ?? "";
    return { ms: performance.now() - started, age };
  };

  // Cold: a new server each time, its first request the overview (after signing in, as staff would).
  for (let i = 0; i < starts; i++) {
    const started = performance.now();
    const dash = await signedInDashboard(url, schema);
    try {
      const since = performance.now() - started;
      const first = await get(dash, "/overview");
      console.log(`  HTTP cold, first request ${(since / 1000).toFixed(1)} s after the server was started: ${f(first.ms)} ("${first.age}")  ${load()}`);
    } finally {
      dash.stop();
    }
  }

  const dash = await signedInDashboard(url, schema);
  try {
    // The users page first: it warms the layout and the session lookup; then the figures' read.
    const list = await time(async () => (await get(dash, "/users")).ms, 20, 3);
    await get(dash, "/overview");
    const warm = await time(async () => (await get(dash, "/overview")).ms, 30, 2);
    console.log(`  HTTP warm (figures in memory):        p50 ${f(warm.p50)}, p95 ${f(warm.p95)} (${warm.runs} requests)  ${load()}`);
    const stale: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, OVERVIEW_TTL_MS + 1_000));
      const r = await get(dash, "/overview");
      stale.push(r.ms);
      console.log(`  HTTP past the TTL: ${f(r.ms)} ("${r.age}")  ${load()}`);
    }
    stale.sort((a, z) => a - z);
    console.log(`  HTTP past the TTL, stale served:      p50 ${f(percentile(stale, 50))}, worst ${f(stale.at(-1) ?? Number.NaN)} (${stale.length} requests, ${OVERVIEW_TTL_MS / 1000 + 1} s apart)`);
    console.log(`  baseline, users list page:            p50 ${f(list.p50)}, p95 ${f(list.p95)} (${list.runs} requests)  ${load()}`);
  } finally {
    dash.stop();
  }
}

async function main() {
  if (values.http) {
    if (!values.schema) throw new Error("--http needs --schema");
    return overHttp(values.schema, Number(values.runs), Number(values.starts));
  }
  const b = await prepareBenchDatabase(Number(values.users));
  try {
    const ms: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const started = performance.now();
      await readOverview(b.d, new Date());
      ms.push(performance.now() - started);
    }
    ms.sort((a, z) => a - z);
    const fig = await readOverview(b.d, new Date());
    console.log(`overview, ${b.users.toLocaleString("en")} users: median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, worst ${ms.at(-1)?.toFixed(0)} ms (${ms.length} uncached reads)`);
    console.log(`  sign-ups in 90 days ${fig.signups.reduce((s, d) => s + d.count, 0).toLocaleString("en")}, active ${JSON.stringify(fig.active)}, modules ${JSON.stringify(fig.modules)}`);
  } finally {
    await b.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
