/**
 * npx tsx scripts/bench-overview.ts [--users N] [--runs R]   (default 100,000 users, 10 runs)
 * Times the overview's uncached read (readOverview: sign-ups per day, active 1/7/30 days, bans) on
 * the seeded benchmark database (scripts/bench/setup.ts); run `npm run doctor -- --apply` on its
 * schema first, as the figure assumes the doctor's indexes. Prints median and worst.
 * --http --schema S: the overview page over HTTP from the built server (`next start`, signed in):
 * uncached (the first request after the per-instance cache expires, --runs of them, 31 s apart) and
 * cached, beside the users list's first page (the page staff open most) from the same server. S is
 * a writable copy of a bench schema (scripts/bench/copy-schema.ts): signing in writes a session row.
 */
import { parseArgs } from "node:util";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { readOverview } from "../lib/overview/figures";
import { OVERVIEW_TTL_MS } from "../lib/overview/cache";
import { load, signedInDashboard } from "./bench/http";
import { prepareBenchDatabase } from "./bench/setup";
import { time } from "./bench/stats";

const { values } = parseArgs({
  options: { users: { type: "string", default: "100000" }, runs: { type: "string", default: "10" }, http: { type: "boolean", default: false }, schema: { type: "string" } },
  strict: true,
});

async function overHttp(schema: string, runs: number) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("--http needs BENCH_DATABASE_URL or DATABASE_URL");
  if (schema.startsWith("bench_")) throw new Error(`--http signs in (a session row): run it on a copy of ${schema} (scripts/bench/copy-schema.ts)`);
  // In-process first, on the same schema: the uncached read without HTTP or rendering.
  const d = await openDatabase({ url, naming: createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 2, statementTimeoutMs: 600_000 });
  const direct = await time(() => readOverview(d, new Date(), { recent: false }), 5, 1);
  const users = await d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  await d.close();
  const dash = await signedInDashboard(url, schema);
  try {
    const get = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${dash.base}${path}`, { headers: { cookie: dash.cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
      if (path === "/overview" && !body.includes("Sign-ups per day")) throw new Error("the overview did not render its figures");
      return performance.now() - started;
    };
    // The users page first: it warms the layout and the session lookup, not the overview's cache.
    const list = await time(() => get("/users"), 20, 3);
    const uncached: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, OVERVIEW_TTL_MS + 1_000));
      uncached.push(await get("/overview"));
    }
    const cached = await time(() => get("/overview"), 20, 2);
    uncached.sort((a, z) => a - z);
    const f = (v: number) => `${v.toFixed(0)} ms`;
    console.log(`overview over HTTP (next start, schema ${schema}, ${Number(users.n).toLocaleString("en")} users), ${load()}`);
    console.log(`  overview page, uncached:     median ${f(uncached[Math.floor(uncached.length / 2)] ?? Number.NaN)}, worst ${f(uncached.at(-1) ?? Number.NaN)} (${uncached.length} requests, ${OVERVIEW_TTL_MS / 1000 + 1} s apart)`);
    console.log(`  overview page, cached:       p50 ${f(cached.p50)}, p95 ${f(cached.p95)} (${cached.runs} requests)`);
    console.log(`  baseline, users list page:   p50 ${f(list.p50)}, p95 ${f(list.p95)} (${list.runs} requests)`);
    console.log(`  readOverview in-process:     p50 ${f(direct.p50)}, p95 ${f(direct.p95)} (${direct.runs} uncached reads, no HTTP)`);
  } finally {
    dash.stop();
  }
}

async function main() {
  if (values.http) {
    if (!values.schema) throw new Error("--http needs --schema");
    return overHttp(values.schema, Number(values.runs));
  }
  const b = await prepareBenchDatabase(Number(values.users));
  try {
    const ms: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const started = performance.now();
      await readOverview(b.d, new Date(), { recent: false });
      ms.push(performance.now() - started);
    }
    ms.sort((a, z) => a - z);
    const f = await readOverview(b.d, new Date(), { recent: false });
    console.log(`overview, ${b.users.toLocaleString("en")} users: median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, worst ${ms.at(-1)?.toFixed(0)} ms (${ms.length} uncached reads)`);
    console.log(`  sign-ups in 90 days ${f.signups.reduce((s, d) => s + d.count, 0).toLocaleString("en")}, active ${JSON.stringify(f.active)}, banned ${f.banned}`);
  } finally {
    await b.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
