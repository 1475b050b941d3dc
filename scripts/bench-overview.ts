/**
 * npx tsx scripts/bench-overview.ts [--users N] [--runs R]   (default 100,000 users, 10 runs)
 * Times the overview's uncached read (readOverview: sign-ups per day, active 1/7/30 days, bans) on
 * the seeded benchmark database (scripts/bench/setup.ts); run `npm run doctor -- --apply` on its
 * schema first, as the figure assumes the doctor's indexes. Prints median and worst.
 */
import { parseArgs } from "node:util";
import { readOverview } from "../lib/overview/figures";
import { prepareBenchDatabase } from "./bench/setup";

const { values } = parseArgs({ options: { users: { type: "string", default: "100000" }, runs: { type: "string", default: "10" } }, strict: true });

async function main() {
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
