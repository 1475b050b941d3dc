/**
 * npm run load [-- --users N] [--seconds 60] [--concurrency 50]
 * 50 concurrent staff on the users list and search against `next start` on the benchmark database
 * (see npm run bench): throughput, latency percentiles, errors (must be 0) and the server's memory
 * sampled every second (peak, and the slope over the run: flat means no leak).
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { signInCookie, startDashboard } from "./bench/servers";
import { prepareBenchDatabase } from "./bench/setup";
import { percentile } from "./bench/stats";

const { values } = parseArgs({ options: { users: { type: "string" }, seconds: { type: "string", default: "60" }, concurrency: { type: "string", default: "50" } } });
const seconds = Number(values.seconds);
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
  const start = Date.now();
  const end = start + seconds * 1000;
  const sampler = setInterval(() => memory.push([(Date.now() - start) / 1000, treeRssMb(dash.child.pid ?? 0)]), 1000);
  console.log(`Load: ${concurrency} concurrent clients for ${seconds} s against ${dash.base} (${b.users.toLocaleString("en")} users)…`);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${dash.base}${nextPath()}`, { headers: { cookie } });
          await res.arrayBuffer();
          if (res.ok) latencies.push(performance.now() - t0);
          else errors[res.status] = (errors[res.status] ?? 0) + 1;
        } catch (err) {
          const key = (err as Error).message.slice(0, 40);
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  clearInterval(sampler);
  latencies.sort((a, z) => a - z);
  const total = latencies.length + Object.values(errors).reduce((s, n) => s + n, 0);
  const mem = memory.map(([, m]) => m);
  const steady = memory.filter(([t]) => t >= 10);
  console.log(`\nrequests ${total}  (${(total / seconds).toFixed(0)}/s)   errors ${JSON.stringify(errors)}`);
  console.log(`latency ms  p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${latencies.at(-1)?.toFixed(0)}`);
  console.log(`server RSS MB  start ${mem[0]?.toFixed(0)}  peak ${Math.max(...mem).toFixed(0)}  end ${mem.at(-1)?.toFixed(0)}  slope after 10 s ${(slope(steady) * 60).toFixed(1)} MB/min`);
  console.log(`RSS every 10 s: ${memory.filter((_, i) => i % 10 === 0).map(([, m]) => m.toFixed(0)).join(" → ")}`);
  dash.stop();
  await b.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
