/**
 * npm run bench:spam [-- --users N] [--seeds 1,2] [--runs R] [--tune-seed 1]
 *
 * Quality and speed of the spam score on labelled synthetic data (lib/seed): each seed gets its own
 * schema `spam_<N>_s<seed>`, seeded once and reused. Seed 1 is the one the points were tuned on
 * (--tune-seed), any other is held out. Prints precision/recall at both thresholds (wave-style
 * campaigns, each campaign, the slow drip) and the false-positive rate on each legitimate look-alike,
 * for the full pass and the default 30-day window, plus the time each pass takes.
 * Database: BENCH_DATABASE_URL, else the embedded engine (default 20,000 users there; 100,000 on a server).
 */
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import { startEmbedded } from "../lib/db/embedded";
import { createPool, openDatabase } from "../lib/db/open";
import { computeSpam } from "../lib/spam/engine";
import type { SpamResult } from "../lib/spam/types";
import { BENCH_NOW, benchNaming, ensureSeeded, labelsOf } from "./bench/spam-data";
import { evaluate, qualityTable } from "./bench/spam-quality";

const { values } = parseArgs({
  options: { users: { type: "string" }, seeds: { type: "string", default: "1,2" }, runs: { type: "string", default: "3" }, "tune-seed": { type: "string", default: "1" } },
});
const DAY = 86_400_000;

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
  const runs = Math.max(1, Number(values.runs));
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 3, 3_600_000) }) });
  const pg = await sql<{ v: string }>`select version() as v`.execute(raw);
  const timings: string[] = [];

  for (const seed of seeds) {
    await ensureSeeded(raw, users, seed, stop ? 1 : 2, console.log);
    const d = await openDatabase({ url, naming: benchNaming(users, seed), poolMax: 2, statementTimeoutMs: 600_000 });
    const labels = labelsOf(users, seed);
    // Only the latest result is kept alive, so a million-user run does not time the garbage collector.
    const time = async (sinceDays: number) => {
      let result: SpamResult | undefined;
      const samples: number[] = [];
      for (let r = 0; r < runs; r++) {
        result = undefined;
        const t0 = performance.now();
        result = await computeSpam(d, { now: BENCH_NOW, sinceDays, timeoutMs: 600_000 });
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      return { result: result as SpamResult, median: samples[Math.floor(samples.length / 2)] as number, min: samples[0] as number };
    };
    const full = await time(0);
    const window = await time(30);
    const missing = [...labels.keys()].filter((id) => !full.result.accounts.has(id)).length;
    const role = seed === Number(values["tune-seed"]) ? "the seed the points were tuned on" : "held out: not used for tuning";
    console.log(`\n## seed ${seed} (${role}): ${users.toLocaleString("en")} users, ${labels.size - missing} with a reason`);
    const th = full.result.thresholds;
    console.log(`\n${qualityTable(`full pass, seed ${seed}`, [evaluate(full.result, labels, th.review), evaluate(full.result, labels, th.likely)])}`);
    const since = BENCH_NOW.getTime() - 30 * DAY;
    console.log(`\n${qualityTable(`last 30 days, seed ${seed}`, [evaluate(window.result, labels, th.review, since), evaluate(window.result, labels, th.likely, since)])}`);
    const off = full.result.signals.filter((s) => !s.active);
    if (off.length) console.log(`\nsignals off: ${off.map((s) => `${s.id} (${s.why})`).join("; ")}`);
    console.log(`waves (full pass): ${full.result.waves.length}; largest: ${full.result.waves.slice(0, 5).map((w) => `${w.kind} ${w.label} ×${w.size}`).join(", ")}`);
    for (const [name, t] of [["everyone", full], ["last 30 days", window]] as const) {
      const s = t.result.stats;
      timings.push(`| ${seed} | ${name} | ${s.scored.toLocaleString("en")} | ${s.loaded.toLocaleString("en")} | ${Math.round(t.median)} | ${Math.round(t.min)} | ${s.ms.query} | ${s.ms.score} |`);
    }
    await d.close();
  }

  console.log(`\n## timings (${users.toLocaleString("en")} users, ${pg.rows[0]?.v.split(" on ")[0]}, ${runs} run(s) each, ms)\n`);
  console.log("| seed | pass | scored | read | median | best | SQL (last run) | JS scoring (last run) |");
  console.log("|---|---|---|---|---|---|---|---|");
  console.log(timings.join("\n"));
  await raw.destroy();
  await stop?.();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
