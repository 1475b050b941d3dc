/**
 * npm run bench:cold [-- --starts 3] [--requests 500] [--warm 200] [--users 5000] [--schema cold_5000]
 *
 * A freshly started server against a warm one: `next start` of this dashboard is started `--starts`
 * times with the warm-up off (WARM_START=0) and on, alternating which goes first, and each start
 * serves the same signed-in mix of a staff member's requests (the users page, a search, a user's page,
 * the sessions page, and their /api/v1 twins) one at a time: requests 1..`--requests` after start,
 * then `--warm` more, which are the warm figures. Printed per start: how long until it answered,
 * the first request, the mean of the first 10 and of the first 100, the rest, and the warm mean, with
 * the server's CPU per request (from /proc, 10 ms ticks: meaningful over windows, not per request).
 *
 * Data: a small app (--users, the demo's 5,000 by default) seeded once into --schema on
 * BENCH_DATABASE_URL (else DATABASE_URL; never the shared benchmark schemas: this one is written to,
 * each start signs in). Timings here are noisy (the machine is shared): the load average is printed.
 */
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import { migrateAppSchema } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { createPool } from "../lib/db/open";
import { seedDatabase } from "../lib/seed/insert";
import { DEMO_PASSWORD, STAFF } from "../lib/seed/staff";
import { load } from "./bench/http";
import { signInCookie, startDashboard } from "./bench/servers";

const { values } = parseArgs({
  options: {
    starts: { type: "string", default: "3" }, requests: { type: "string", default: "500" }, warm: { type: "string", default: "200" },
    users: { type: "string", default: "5000" }, schema: { type: "string", default: "cold_5000" },
  },
});
const SECRET = "bench-secret-bench-secret-bench-secret-0";

/** CPU seconds (user + system) of a process and its descendants, in clock ticks (100 per second). */
function cpuTicks(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      // fields after the command name (which may hold spaces): state is [0], utime [11], stime [12]
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // exited between listing and reading
    }
  };
  visit(pid);
  return ticks;
}

/** The schema with `users` seeded users (+ staff), seeded when it holds anything else. */
async function prepare(url: string, schema: string, users: number) {
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 3, 600_000) }) });
  const naming = createNaming({ schema, casing: "camel", usePlural: false, models: {} });
  try {
    const n = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, "user")}`.execute(raw).then(
      (r) => Number(r.rows[0]?.n),
      (err: { code?: string }) => {
        if (err.code === "42P01" || err.code === "3F000") return -1;
        throw err;
      },
    );
    if (n !== users + STAFF.length) {
      console.log(`Seeding ${users.toLocaleString("en")} users into ${schema}…`);
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(raw);
      await sql`create schema ${sql.id(schema)}`.execute(raw);
      await migrateAppSchema(raw, naming, ["admin"]);
      await seedDatabase(raw, naming, { users, seed: 1, concurrency: 2 });
      for (const m of ["user", "account", "session"]) await sql`vacuum (analyze) ${sql.id(schema, m)}`.execute(raw);
    }
    // a plain user with sessions: the user page the mix opens
    const u = await sql<{ id: string }>`select u.id from ${sql.id(schema, "user")} u where u.role is null
      and exists (select 1 from ${sql.id(schema, "session")} s where s."userId" = u.id) order by u.id limit 1`.execute(raw);
    const id = u.rows[0]?.id;
    if (!id) throw new Error(`${schema} has no user with sessions`);
    return id;
  } finally {
    await raw.destroy();
  }
}

/** What a staff member does in a morning, pages and API alike, in turn. */
const mix = (id: string) => [
  "/users",
  "/api/v1/users?limit=25",
  "/users?q=son",
  "/api/v1/users?q=son&limit=25",
  `/users/${id}`,
  `/api/v1/users/${id}`,
  "/sessions",
  "/api/v1/sessions?limit=25",
];

interface Run {
  mode: "off" | "on";
  readyMs: number;
  /** the warm-up's own figure (its log line), 0 when off */
  warmMs: number;
  /** per request, in order: latency in ms */
  latency: number[];
  /** CPU ticks at request boundaries: cpu[i] before request i (cpu[n] after the last) */
  cpu: number[];
}

async function oneStart(url: string, schema: string, cookie: string, paths: string[], mode: "off" | "on", n: number): Promise<Run> {
  const t0 = performance.now();
  const dash = await startDashboard(
    { DATABASE_URL: url, AUTH_DB_SCHEMA: schema, BETTER_AUTH_SECRET: SECRET, DATABASE_POOL_MAX: "10", WARM_START: mode === "on" ? "1" : "0" },
    "/api/health",
  );
  const readyMs = performance.now() - t0;
  const pid = dash.child.pid as number;
  const latency: number[] = [];
  const cpu: number[] = [cpuTicks(pid)];
  let warmMs = 0;
  try {
    // With the warm-up on, its HTTP step runs after the server answers: time what comes after it, as
    // a staff member arriving later would meet it (its line says how long it took).
    if (mode === "on") {
      const end = Date.now() + 120_000;
      let line = "";
      for (;;) {
        line = /\[dashboard\] warm(ed up|-up)[^\n]*/.exec(dash.output())?.[0] ?? "";
        if (line || Date.now() > end) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      if (!/warmed up/.test(line)) throw new Error(`the warm-up did not finish: ${line || "no line in 120 s"}`);
      warmMs = Number(/warmed up in (\d+) ms/.exec(line)?.[1] ?? 0);
      cpu[0] = cpuTicks(pid);
    }
    for (let i = 0; i < n; i++) {
      const path = paths[i % paths.length] as string;
      const s = performance.now();
      const res = await fetch(`${dash.base}${path}`, { headers: { cookie }, redirect: "manual" });
      await res.arrayBuffer();
      latency.push(performance.now() - s);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} (request ${i + 1} after a start with the warm-up ${mode})`);
      cpu.push(cpuTicks(pid));
    }
  } finally {
    dash.stop();
    await once(dash.child, "exit");
  }
  return { mode, readyMs, warmMs, latency, cpu };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : Number.NaN;
};
const f = (v: number) => (Number.isNaN(v) ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Requests [from, to) of a run: mean latency and CPU ms per request. */
function window(r: Run, from: number, to: number) {
  return { ms: mean(r.latency.slice(from, to)), cpu: ((((r.cpu[to] as number) - (r.cpu[from] as number)) * 10) / (to - from)) };
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set BENCH_DATABASE_URL (a PostgreSQL server; the schema --schema is created and written to)");
  const schema = values.schema;
  if (schema.startsWith("bench_")) throw new Error("bench_* schemas are the shared benchmark data: choose another --schema");
  const starts = Number(values.starts);
  const requests = Number(values.requests);
  const warm = Number(values.warm);
  const id = await prepare(url, schema, Number(values.users));
  const paths = mix(id);

  // One sign-in for every start (same database and secret): each server's first request is then a
  // staff member's first page of the morning, not the sign-in.
  const primer = await startDashboard({ DATABASE_URL: url, AUTH_DB_SCHEMA: schema, BETTER_AUTH_SECRET: SECRET, WARM_START: "0" }, "/api/health");
  let cookie: string;
  try {
    cookie = await signInCookie(primer.base, "/api/auth/sign-in/email", STAFF[0].email, DEMO_PASSWORD);
  } finally {
    primer.stop();
    await once(primer.child, "exit");
  }

  console.log(`\n${starts} starts × warm-up off/on · ${requests} requests after start, then ${warm} warm · mix: ${paths.join(", ")} · ${load()}`);
  const runs: Run[] = [];
  for (let s = 0; s < starts; s++) {
    for (const mode of s % 2 ? (["on", "off"] as const) : (["off", "on"] as const)) {
      const r = await oneStart(url, schema, cookie, paths, mode, requests + warm);
      runs.push(r);
      const w = window(r, requests, requests + warm);
      console.log(
        `  start ${s + 1}, warm-up ${mode.padEnd(3)}: ready ${f(r.readyMs)} ms${mode === "on" ? `, warmed up in ${f(r.warmMs)} ms` : ""} · 1st ${f(r.latency[0] as number)} ms · first 10 ${f(window(r, 0, 10).ms)} · first 100 ${f(window(r, 0, 100).ms)} · warm ${f(w.ms)} ms/request, CPU ${f(w.cpu)} ms/request · ${load()}`,
      );
    }
  }

  const head = ["warm-up", "ready ms", "warm-up ms", "1st request ms", "first 10 ms", "first 100 ms", `101–${requests} ms`, `warm (${warm}) ms`, "1st ÷ warm", "first 10 ÷ warm", "first 100 ÷ warm", "CPU ms/req first 10", "first 100", `101–${requests}`, "warm"];
  const lines = (["off", "on"] as const).map((mode) => {
    const rs = runs.filter((r) => r.mode === mode);
    const m = (fn: (r: Run) => number) => median(rs.map(fn));
    const warmMs = m((r) => window(r, requests, requests + warm).ms);
    const first = m((r) => r.latency[0] as number);
    const ten = m((r) => window(r, 0, 10).ms);
    const hundred = m((r) => window(r, 0, 100).ms);
    return [
      mode === "off" ? "off (WARM_START=0)" : "on", f(m((r) => r.readyMs)), mode === "on" ? f(m((r) => r.warmMs)) : "—", f(first), f(ten), f(hundred), f(m((r) => window(r, 100, requests).ms)), f(warmMs),
      `${(first / warmMs).toFixed(1)}×`, `${(ten / warmMs).toFixed(1)}×`, `${(hundred / warmMs).toFixed(1)}×`,
      f(m((r) => window(r, 0, 10).cpu)), f(m((r) => window(r, 0, 100).cpu)), f(m((r) => window(r, 100, requests).cpu)), f(m((r) => window(r, requests, requests + warm).cpu)),
    ];
  });
  console.log(`\nMedians over ${starts} starts each · ${load()}\n`);
  console.log(`| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|\n${lines.map((l) => `| ${l.join(" | ")} |`).join("\n")}`);
  // which request of the mix pays most on the first pass, warm-up off and on
  for (const mode of ["off", "on"] as const) {
    const rs = runs.filter((r) => r.mode === mode);
    const firsts = paths.map((p, i) => `${p.replace(id, ":id")} ${f(median(rs.map((r) => r.latency[i] as number)))}`);
    console.log(`first pass, warm-up ${mode}: ${firsts.join(" · ")} ms`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
