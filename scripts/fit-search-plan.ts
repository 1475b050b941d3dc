/**
 * npx tsx scripts/fit-search-plan.ts [--schema h13_s200k] [--seed 1] [--set tune] [--runs 7]
 *
 * Fits the search planner's headHits and walkSafety (search-plan.ts) on a planted bench schema
 * (npm run bench:search builds it): for every term of `--set` (the tuning terms) × column sort, each
 * grid point's plan is computed from the sample read with `--seed` (pure); every distinct plan of a
 * case is timed once, in-process (p50/p95 of --runs); a grid point scores the cases whose p95 is
 * ≤ 25 ms, then the sum of p95s. The figures are measured on another seed and the other terms.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect } from "kysely";
import { createNaming } from "../lib/db/naming";
import { createPool, openDatabase } from "../lib/db/open";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING } from "../lib/users/queries";
import { chooseSearchStep, type SearchTuning } from "../lib/users/search-plan";
import { hitRanks, type SampleOrder, readSearchSample, sampleHits } from "../lib/users/search-sample";
import { plantedTerms } from "./bench/search-data";
import { time, type Timing } from "./bench/stats";

const { values } = parseArgs({
  options: {
    schema: { type: "string", default: "h13_s200k" }, seed: { type: "string", default: "1" }, set: { type: "string", default: "tune" },
    runs: { type: "string", default: "7" },
  },
});
const SORTS = ["-createdAt", "createdAt", "name", "-name", "email", "-email"];
const HEAD = [4, 8, 16, 32];
const SAFETY = [1.5, 2, 3, 5];

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set BENCH_DATABASE_URL");
  const schema = values.schema;
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool: createPool(url, 2, 600_000) }) });
  const d = await openDatabase({ url, naming: createNaming({ schema, casing: "camel", usePlural: false, models: {} }), poolMax: 4, statementTimeoutMs: 600_000 });
  const sample = await readSearchSample(d, Number(values.seed));
  const terms = (await plantedTerms(raw, schema)).filter((t) => t.set === values.set);
  const grid: SearchTuning[] = HEAD.flatMap((headHits) => SAFETY.map((walkSafety) => ({ ...SEARCH_TUNING, headHits, walkSafety })));
  const score = grid.map(() => ({ met: 0, p95: 0 }));
  console.log(`${terms.length} ${values.set} terms × ${SORTS.length} sorts, sample seed ${values.seed} (${sample.size} rows), load ${loadavg()[0]?.toFixed(1)}`);
  for (const t of terms) {
    const hit = sampleHits(sample, t.term);
    for (const sort of SORTS) {
      const order = sort.replace("-", "") as SampleOrder;
      const timed = new Map<string, Timing>();
      for (const [i, tuning] of grid.entries()) {
        const { hits, head } = hitRanks(sample, hit, order, sort.startsWith("-"), tuning.headHits);
        const c = chooseSearchStep({ sample: { hits, head, sampled: sample.size, tableRows: sample.tableRows, cursor: false }, want: 26, trigram: true, signUpOrder: order === "createdAt" }, tuning);
        const key = c.step === "walk" || c.step === "walk+trigram" ? `${c.step}:${c.rows}` : c.step;
        let r = timed.get(key);
        if (!r) {
          r = await time(() => listUsers(d, parseUserListParams({ q: t.term, sort, limit: "25" }), undefined, tuning, { sample }), Number(values.runs), 1);
          timed.set(key, r);
        }
        const s = score[i] as { met: number; p95: number };
        s.met += r.p95 <= 25 ? 1 : 0;
        s.p95 += r.p95;
      }
    }
    process.stdout.write(".");
  }
  console.log(`\nload ${loadavg().map((l) => l.toFixed(1)).join(" ")}\n| headHits | walkSafety | cases p95 ≤ 25 ms | sum of p95 (ms) |\n|---|---|---|---|`);
  const order = grid.map((g, i) => ({ g, s: score[i] as { met: number; p95: number } })).sort((a, b) => b.s.met - a.s.met || a.s.p95 - b.s.p95);
  for (const { g, s } of order) console.log(`| ${g.headHits} | ${g.walkSafety} | ${s.met} of ${terms.length * SORTS.length} | ${s.p95.toFixed(0)} |`);
  await d.close();
  await raw.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
