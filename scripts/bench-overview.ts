/**
 * npm run bench:overview [-- --users N] [--runs R]   (default 100,000 users, 10 runs)
 * Times the overview's uncached read (readOverview: sign-ups per day, active 1/7/30 days, bans) on
 * the seeded benchmark database (scripts/bench/setup.ts); run `npm run doctor -- --apply` on its
 * schema first, as the figure assumes the doctor's indexes. Prints median and worst.
 *
 * --http --schema S [--starts 3] [--settle 15]: first each figure's query in-process (uncached,
 * p50/p95), then the overview page over HTTP from the built server (`next start`), as staff meet it,
 * signed in once (a staff cookie outlives a deploy: the same cookie is sent after every start):
 *   first    the first request after a start: `--starts` new servers with the warm start on
 *            (WARM_START=1: figures read at start, routes warmed with the probe cookie) and as many
 *            with it off (WARM_START=0, the baseline: figures read at start without waiting for
 *            them, no warm-up), alternating which goes first; the request is sent `--settle` s
 *            after the server answers /api/health (a visit rarely comes the same second), then two more
 *   warm     served from the instance's figures (p50/p95)
 *   stale    figures older than the 30 s refresh period: served at once while one read runs in the
 *            background after the response (the same path as figures of any age: there is no maximum)
 *   idle     with --idle M: one request after M minutes without a visit (figures M minutes old)
 * beside the users list's first page from the same server. --firsts-only: only the signing in and
 * the first requests after a start (--settle 0: asked the moment the server answers). S is a writable copy of a bench schema
 * (scripts/bench/copy-schema.ts): signing in writes a session row. The load average is printed on
 * every line: the machine is shared, and timings move with it.
 */
import { parseArgs } from "node:util";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { OVERVIEW_REFRESH_MS } from "../lib/overview/cache";
import { enabledModules } from "../lib/modules";
import { readActive, readModuleFigures, readOverview, readSignups } from "../lib/overview/figures";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { load } from "./bench/http";
import { signInCookie, startDashboard } from "./bench/servers";
import { prepareBenchDatabase } from "./bench/setup";
import { percentile, time } from "./bench/stats";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" }, runs: { type: "string", default: "10" }, http: { type: "boolean", default: false },
    schema: { type: "string" }, starts: { type: "string", default: "3" }, settle: { type: "string", default: "15" },
    "firsts-only": { type: "boolean", default: false }, idle: { type: "string", default: "0" },
  },
  strict: true,
});

const f = (v: number) => `${v.toFixed(0)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => percentile([...xs].sort((a, z) => a - z), 50);

async function overHttp(schema: string, runs: number, starts: number, settleS: number, firstsOnly: boolean, idleMin: number) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("--http needs BENCH_DATABASE_URL or DATABASE_URL");
  if (schema.startsWith("bench_")) throw new Error(`--http signs in (a session row): run it on a copy of ${schema} (scripts/bench/copy-schema.ts)`);
  // In-process first, on the same schema: each figure's query, uncached, without HTTP or rendering.
  const d = await openDatabase({ url, naming: createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 3, statementTimeoutMs: 600_000 });
  const users = await d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  console.log(`overview at ${Number(users.n).toLocaleString("en")} users (schema ${schema}), node ${process.version}`);
  for (const [name, fn] of (firstsOnly ? [] : [["sign-ups per day, 90 days", readSignups], ["active users 1/7/30 days", readActive], ["modules' figures", (q: typeof d, now: Date) => readModuleFigures(q, enabledModules(q.caps.modules), now)]] as const)) {
    const t = await time(() => fn(d, new Date()), runs, 1);
    console.log(`  query, ${name.padEnd(28)} p50 ${f(t.p50)}, p95 ${f(t.p95)} (${t.runs} runs)  ${load()}`);
  }
  if (!firstsOnly) {
    const all = await time(() => readOverview(d, new Date()), runs, 1);
    console.log(`  readOverview (the three in parallel)  p50 ${f(all.p50)}, p95 ${f(all.p95)} (${all.runs} runs)  ${load()}`);
  }
  await d.close();

  const env = { DATABASE_URL: url, AUTH_DB_SCHEMA: schema, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0", DATABASE_POOL_MAX: "10" };
  const get = async (base: string, cookie: string, path: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
    if (path === "/overview" && !body.includes("Sign-ups per day")) throw new Error("the overview did not render its figures");
    const age = /data-testid="overview-age"[^>]*>([^<]*)</.exec(body.replaceAll("<!-- -->", ""))?.[1] ?? "";
    return { ms: performance.now() - started, age };
  };

  // Signed in once, on a server of its own, which then gives the warm and stale figures.
  let cookie = "";
  {
    const dash = await startDashboard(env, "/api/health");
    try {
      cookie = await signInCookie(dash.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
      if (!firstsOnly) await warmAndStale(dash.base, cookie);
    } finally {
      dash.stop();
      await sleep(1_000);
    }
  }

  // The first request after a start, the warm start on and off (the baseline), alternating.
  const firsts: Record<"on" | "off", number[]> = { on: [], off: [] };
  for (let i = 0; i < starts; i++) {
    for (const mode of i % 2 ? (["off", "on"] as const) : (["on", "off"] as const)) {
      const started = performance.now();
      const dash = await startDashboard({ ...env, WARM_START: mode === "on" ? "1" : "0" }, "/api/health");
      try {
        const upS = (performance.now() - started) / 1000;
        await sleep(settleS * 1000);
        const warmed = /warmed up in \d+ ms/.exec(dash.output())?.[0] ?? "warm-up not finished";
        const first = await get(dash.base, cookie, "/overview");
        const second = await get(dash.base, cookie, "/overview");
        const third = await get(dash.base, cookie, "/overview");
        firsts[mode].push(first.ms);
        console.log(
          `  HTTP first request, warm start ${mode.padEnd(3)} answered in ${upS.toFixed(1)} s, asked ${settleS} s later: ${f(first.ms)} ("${first.age}"), then ${f(second.ms)}, ${f(third.ms)}  [${mode === "on" ? warmed : "no warm-up"}]  ${load()}`,
        );
      } finally {
        dash.stop();
        await sleep(1_000);
      }
    }
  }
  if (starts > 0) console.log(`  HTTP first request after a start, median: warm start on ${f(median(firsts.on))} (${firsts.on.map(f).join(", ")}); off, the baseline, ${f(median(firsts.off))} (${firsts.off.map(f).join(", ")})`);

  async function warmAndStale(base: string, cookie: string) {
    // The users page first: it warms the layout; then the figures' read.
    const list = await time(async () => (await get(base, cookie, "/users")).ms, 20, 3);
    await get(base, cookie, "/overview");
    const warm = await time(async () => (await get(base, cookie, "/overview")).ms, 30, 2);
    console.log(`  HTTP warm (figures in memory):        p50 ${f(warm.p50)}, p95 ${f(warm.p95)} (${warm.runs} requests)  ${load()}`);
    const stale: number[] = [];
    for (let i = 0; i < 3; i++) {
      await sleep(OVERVIEW_REFRESH_MS + 1_000);
      const r = await get(base, cookie, "/overview");
      stale.push(r.ms);
      console.log(`  HTTP figures past the refresh period: ${f(r.ms)} ("${r.age}")  ${load()}`);
    }
    console.log(`  HTTP stale served (refresh after):    p50 ${f(median(stale))}, worst ${f(Math.max(...stale))} (${stale.length} requests, ${OVERVIEW_REFRESH_MS / 1000 + 1} s apart)`);
    console.log(`  beside it, the users list page:       p50 ${f(list.p50)}, p95 ${f(list.p95)} (${list.runs} requests)  ${load()}`);
    if (idleMin > 0) {
      await sleep(5_000); // the refresh the last visit started has ended: the idle time counts from here
      await sleep(idleMin * 60_000);
      const r = await get(base, cookie, "/overview");
      console.log(`  HTTP after ${idleMin} min without a visit: ${f(r.ms)} ("${r.age}")  ${load()}`);
    }
  }
}

async function main() {
  if (values.http) {
    if (!values.schema) throw new Error("--http needs --schema");
    return overHttp(values.schema, Number(values.runs), Number(values.starts), Number(values.settle), values["firsts-only"], Number(values.idle));
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
