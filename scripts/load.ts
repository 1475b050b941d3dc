/**
 * npm run load [-- --users N] [--seconds 60] [--concurrency 50] [--warmup 20]
 * 50 concurrent staff on the users list and search against `next start` on the benchmark database
 * (see npm run bench), driven by autocannon: throughput, latency percentiles, errors (must be 0),
 * the server's memory sampled every second (peak, and the slope over the run: flat means no leak),
 * and where the machine's CPU went (server, PostgreSQL, the load generator itself).
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { signInCookie, startDashboard } from "./bench/servers";
import { prepareBenchDatabase } from "./bench/setup";
import { percentile } from "./bench/stats";

const { values } = parseArgs({ options: { users: { type: "string" }, seconds: { type: "string", default: "60" }, concurrency: { type: "string", default: "50" }, warmup: { type: "string", default: "20" } } });
const seconds = Number(values.seconds);
/** Unmeasured load first: a fresh server needs thousands of requests to reach its steady speed. */
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);

/** Resident memory of a process and its children, in MB (Linux /proc). */
function treeRssMb(root: number): number {
  const parents = new Map<number, number>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      parents.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) for (const [pid, ppid] of parents) if (ppid === pids[i]) pids.push(pid);
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

/** CPU seconds (user + system) used so far by the processes the filter picks (from /proc). */
function cpuSeconds(filter: (pid: number, comm: string) => boolean): number {
  let ticks = 0;
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!filter(Number(e), comm)) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return ticks / 100; // USER_HZ
}

function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0) || 1;
  return num / den;
}

async function main() {
  const b = await prepareBenchDatabase(values.users ? Number(values.users) : undefined);
  const terms = (await sql<{ t: string }>`select split_part(email, '@', 1) as t from ${sql.id(b.schema, "user")} tablesample system (1) limit 100`.execute(b.raw)).rows
    .map((r) => r.t.slice(0, 6))
    .concat(["son", "anna", "li", "mar", "gmail", "ng"]);
  const ids = (await sql<{ id: string }>`select id from ${sql.id(b.schema, "user")} tablesample system (1) limit 100`.execute(b.raw)).rows.map((r) => r.id);
  const dash = await startDashboard({ DATABASE_URL: b.url, AUTH_DB_SCHEMA: b.schema, BETTER_AUTH_SECRET: "load-secret-load-secret-load-secret-0123", DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10" });
  const cookie = await signInCookie(dash.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
  const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)] as T;
  const sorts = ["-createdAt", "createdAt", "email", "name"];
  const nextPath = () => {
    const r = Math.random();
    if (r < 0.45) return `/api/v1/users?limit=25&sort=${pick(sorts)}`;
    if (r < 0.9) return `/api/v1/users?limit=25&q=${encodeURIComponent(pick(terms))}`;
    return `/api/v1/users/${pick(ids)}`;
  };

  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const memory: [number, number][] = [];
  const serverPid = dash.child.pid ?? 0;
  const cpu = () => ({
    server: cpuSeconds((pid) => pid === serverPid),
    postgres: cpuSeconds((_, comm) => comm.startsWith("postgres")),
    self: cpuSeconds((pid) => pid === process.pid),
  });
  const blast = (duration: number, onResponse: (status: number, ms: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        {
          url: dash.base,
          connections: concurrency,
          duration,
          headers: { cookie },
          requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: nextPath() }) }],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      run.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
    });
  const start = Date.now();
  const sampler = setInterval(() => memory.push([(Date.now() - start) / 1000, treeRssMb(serverPid)]), 1000);
  if (warmup > 0) {
    console.log(`Warm-up: ${concurrency} clients for ${warmup} s (not measured)…`);
    const w = await blast(warmup, () => {});
    if (w.non2xx || w.errors) throw new Error(`warm-up: ${w.non2xx} non-2xx responses, ${w.errors} errors`);
  }
  const measuredFrom = (Date.now() - start) / 1000;
  const cpu0 = cpu();
  console.log(`Load: ${concurrency} concurrent clients for ${seconds} s against ${dash.base} (${b.users.toLocaleString("en")} users)…`);
  const result = await blast(seconds, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else errors[status] = (errors[status] ?? 0) + 1;
  });
  const cpu1 = cpu();
  if (result.errors) errors.connection = result.errors;
  if (result.timeouts) errors.timeout = result.timeouts;
  clearInterval(sampler);
  latencies.sort((a, z) => a - z);
  const total = latencies.length + Object.values(errors).reduce((s, n) => s + n, 0);
  const mem = memory.map(([, m]) => m);
  const steady = memory.filter(([t]) => t >= measuredFrom);
  console.log(`\nrequests ${total}  (${(total / seconds).toFixed(0)}/s)   errors ${JSON.stringify(errors)}`);
  console.log(`latency ms  p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${latencies.at(-1)?.toFixed(0)}`);
  console.log(`server RSS MB  start ${mem[0]?.toFixed(0)}  peak ${Math.max(...mem).toFixed(0)}  end ${mem.at(-1)?.toFixed(0)}  slope over the measured ${seconds} s ${(slope(steady) * 60).toFixed(1)} MB/min`);
  console.log(`RSS every 10 s: ${memory.filter((_, i) => i % 10 === 0).map(([, m]) => m.toFixed(0)).join(" → ")}`);
  // The machine's cores are shared by all three: a saturated machine shows here, not in the server alone.
  const used = (k: keyof typeof cpu0) => cpu1[k] - cpu0[k];
  const perReq = (k: keyof typeof cpu0) => ((used(k) / total) * 1000).toFixed(2);
  console.log(
    `CPU over the run (${cpus().length} cores, ${(cpus().length * seconds).toFixed(0)} core-s available): ` +
      `server ${used("server").toFixed(1)} s (${perReq("server")} ms/request), PostgreSQL ${used("postgres").toFixed(1)} s (${perReq("postgres")} ms/request), ` +
      `load generator ${used("self").toFixed(1)} s (${perReq("self")} ms/request)`,
  );
  dash.stop();
  await b.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
