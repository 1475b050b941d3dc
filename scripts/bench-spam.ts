/**
 * npm run bench:spam [-- --users N] [--seeds 2] [--windows 0,30] [--runs R] [--baseline main|none] [--data hard|plain] [--tune-seed 1] [--prefix spam] [--heap MB]
 *
 * Quality, speed and memory of the spam score on labelled synthetic data (lib/seed): each seed gets its
 * own schema `spam_<N>_s<seed>`, seeded once and reused. Seed 1 is the one the points were tuned on
 * (--tune-seed); the default seed 2 is held out, and is what the figures are reported on. Prints
 * precision/recall at both thresholds (wave-style campaigns, each campaign, the slow drip) and the
 * false-positive rate on each legitimate look-alike, for every window (0 = everyone, 30 = the last 30
 * days), plus time and peak resident memory of each pass. `--data hard` (the default) adds the
 * look-alikes and campaigns of lib/seed/hard.ts (privacy relays, numeric mailboxes, the app's okhttp
 * client, shared mailboxes; kits that come back, waves worth half a month); `plain` is the older data.
 *
 * Before/after in one run: every pass runs in a process of its own (scripts/bench/spam-pass.ts), once
 * with this checkout's engine and once with the engine of `--baseline` (a git ref, default main,
 * extracted under .scratch/), so the two columns share the machine, the data and the moment.
 * `--heap MB` runs every pass with V8's old space capped there (--max-old-space-size): without a
 * cap V8 grows its heap long before it collects, so peak RSS says more about V8 than about what
 * the pass holds; a pass that completes under the cap held less, and its time shows what the
 * collections cost.
 * Database: BENCH_DATABASE_URL, else the embedded engine (default 20,000 users there; 100,000 on a server).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import { startEmbedded } from "../lib/db/embedded";
import { createPool } from "../lib/db/open";
import type { SpamResult } from "../lib/spam/types";
import { BENCH_NOW, benchSchema, ensureSeeded, labelsOf } from "./bench/spam-data";
import { evaluate, qualityTable } from "./bench/spam-quality";

const { values } = parseArgs({
  options: {
    users: { type: "string" }, seeds: { type: "string", default: "2" }, windows: { type: "string", default: "0,30" }, runs: { type: "string", default: "1" },
    baseline: { type: "string", default: "main" }, data: { type: "string", default: "hard" }, "tune-seed": { type: "string", default: "1" },
    prefix: { type: "string", default: "spam" }, heap: { type: "string" },
  },
});
const DAY = 86_400_000;
const ROOT = path.resolve(import.meta.dirname, "..");

interface Pass {
  median: number;
  best: number;
  peakRssMb: number;
  stats: SpamResult["stats"];
  thresholds: SpamResult["thresholds"];
  signalsOff: string[];
  waves: number;
  largest: string[];
  scores: [string, number][];
  /** digest of the whole result (scripts/bench/spam-hash.ts): equal before and after = the same answer */
  hash: string;
}

/** The engine of `ref`, extracted once (lib/ only: it imports nothing else) next to this checkout's node_modules. */
function baselineRoot(ref: string): { root: string; sha: string } {
  const sha = execFileSync("git", ["rev-parse", "--short", ref], { cwd: ROOT, encoding: "utf8" }).trim();
  const root = path.join(ROOT, ".scratch", "bench-baseline", sha);
  if (!existsSync(path.join(root, "lib", "spam", "engine.ts"))) {
    mkdirSync(root, { recursive: true });
    execFileSync("sh", ["-c", `git archive ${sha} lib | tar -x -C ${JSON.stringify(root)}`], { cwd: ROOT });
  }
  return { root, sha };
}

function runPass(root: string, url: string, schema: string, sinceDays: number, runs: number): Promise<Pass> {
  return new Promise((resolve, reject) => {
    const args = [...(values.heap ? [`--max-old-space-size=${Number(values.heap)}`] : []), "--import", "tsx", path.join(ROOT, "scripts/bench/spam-pass.ts"), "--root", root, "--url", url, "--schema", schema, "--since", String(sinceDays), "--runs", String(runs), "--now", BENCH_NOW.toISOString()];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as Pass) : reject(new Error(`scoring pass exited with ${code}`))));
  });
}

const windowName = (d: number) => (d === 0 ? "everyone" : `last ${d} days`);

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const e = await startEmbedded();
    url = e.url;
    stop = e.stop;
    console.log("No BENCH_DATABASE_URL: running on the embedded engine (set it for large runs).");
  }
  const users = Number(values.users ?? (stop ? 20_000 : 100_000));
  const seeds = values.seeds.split(",").map(Number);
  const windows = values.windows.split(",").map(Number);
  const runs = Math.max(1, Number(values.runs));
  if (values.data !== "hard" && values.data !== "plain") throw new Error(`--data must be hard or plain, not ${values.data}`);
  const hard = values.data === "hard";
  const engines: { name: string; root: string }[] = [];
  if (values.baseline !== "none") {
    const b = baselineRoot(values.baseline);
    engines.push({ name: `before (${values.baseline} ${b.sha})`, root: b.root });
  }
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  engines.push({ name: `after (this checkout, ${head})`, root: ROOT });
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 3, 3_600_000) }) });
  const pg = await sql<{ v: string }>`select version() as v`.execute(raw);
  const timings: string[] = [];

  for (const seed of seeds) {
    await ensureSeeded(raw, users, seed, stop ? 1 : 2, console.log, hard, values.prefix);
    const labels = labelsOf(users, seed, hard);
    const role = seed === Number(values["tune-seed"]) ? "the seed the points were tuned on" : "held out: not used for tuning";
    console.log(`\n## seed ${seed} (${role}), ${values.data} data: ${users.toLocaleString("en")} users`);
    for (const days of windows) {
      const since = days > 0 ? BENCH_NOW.getTime() - days * DAY : Number.NEGATIVE_INFINITY;
      for (const e of engines) {
        const p = await runPass(e.root, url, benchSchema(users, seed, hard, values.prefix), days, runs);
        const result = { accounts: new Map(p.scores.map(([id, score]) => [id, { score }])) } as unknown as SpamResult;
        const th = p.thresholds;
        console.log(`\n${qualityTable(`${windowName(days)}, seed ${seed}, ${e.name}`, [evaluate(result, labels, th.review, since), evaluate(result, labels, th.likely, since)])}`);
        if (p.signalsOff.length) console.log(`\nsignals off: ${p.signalsOff.join("; ")}`);
        console.log(`waves: ${p.waves}; largest: ${p.largest.join(", ")}`);
        const s = p.stats;
        timings.push(`| ${seed} | ${windowName(days)} | ${e.name} | ${s.scored.toLocaleString("en")} | ${s.loaded.toLocaleString("en")} | ${s.slices ?? 1} | ${Math.round(p.median)} | ${Math.round(p.best)} | ${s.ms.query} | ${s.ms.score} | ${p.peakRssMb} | ${p.hash} |`);
      }
    }
  }

  console.log(`\n## timings and memory (${users.toLocaleString("en")} users, ${pg.rows[0]?.v.split(" on ")[0]}, ${runs} run(s) each; each pass in its own process${values.heap ? `, V8 old space capped at ${Number(values.heap)} MB` : ""})\n`);
  console.log("| seed | window | engine | scored | read | slices | median ms | best ms | SQL ms (last run) | JS ms (last run) | peak RSS MB | result hash |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(timings.join("\n"));
  await raw.destroy();
  await stop?.();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
