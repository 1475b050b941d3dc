/**
 * One scoring pass of the spam benchmark, in a process of its own so its peak resident memory is its
 * own (scripts/bench-spam.ts starts it). `--root` is the tree whose engine runs: this checkout, or an
 * older commit extracted by the benchmark (the "before" column). Prints one JSON line: timings, peak
 * RSS, the result's stats and every account's score (for the labels, which the parent holds).
 *
 *   tsx scripts/bench/spam-pass.ts --root DIR --url URL --schema S --since DAYS --runs N --now ISO [--slice-users N] [--slice-days D]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { SpamOptions, SpamResult } from "../../lib/spam/types";
import { resultHash } from "./spam-hash";

const { values } = parseArgs({
  options: { root: { type: "string" }, url: { type: "string" }, schema: { type: "string" }, since: { type: "string" }, runs: { type: "string", default: "1" }, now: { type: "string" }, "slice-users": { type: "string" }, "slice-days": { type: "string" } },
});

async function main() {
  const root = path.resolve(values.root ?? ".");
  const load = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const { openDatabase } = await load("lib/db/open.ts");
  const { createNaming } = await load("lib/db/naming.ts");
  const { computeSpam } = (await load("lib/spam/engine.ts")) as { computeSpam: (q: unknown, o: SpamOptions) => Promise<SpamResult> };
  const naming = createNaming({ schema: values.schema, casing: "camel", usePlural: false, models: {} });
  const d = await openDatabase({ url: values.url, naming, poolMax: 2, statementTimeoutMs: 900_000 });
  // resident memory before scoring (runtime, modules, pool): the pass's own share is peak minus this
  const startRssMb = Math.round(process.memoryUsage().rss / 1048576);
  const samples: number[] = [];
  let result: SpamResult | undefined;
  for (let r = 0; r < Math.max(1, Number(values.runs)); r++) {
    result = undefined;
    const t0 = performance.now();
    const users = values["slice-users"] ? Number(values["slice-users"]) : undefined;
    const days = values["slice-days"] ? Number(values["slice-days"]) : undefined;
    // `slice` for this engine; an older one (a --baseline) took `sliceUsers` and ignores `slice`
    const slice = { ...(users ? { sliceUsers: users } : {}), slice: { ...(users ? { users } : {}), ...(days !== undefined ? { days } : {}) } } as Pick<SpamOptions, "slice">;
    result = await computeSpam(d, { now: new Date(values.now as string), sinceDays: Number(values.since), timeoutMs: 900_000, ...slice });
    samples.push(performance.now() - t0);
  }
  // peak resident memory of this process so far, before the scores are serialised below
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // CPU of this process (the engine's JS, not Postgres's) and the machine's load, beside the wall time: timings here are noisy
  const cpu = process.cpuUsage();
  const loadAvg = (await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ");
  console.error(`spam pass ${path.basename(root)} since=${values.since}: wall ${Math.round(samples.at(-1) ?? 0)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (whole process), peak RSS ${peakRssMb} MB, load ${loadAvg}`);
  samples.sort((a, b) => a - b);
  if (!result) throw new Error("no scoring pass ran");
  // the same digest before and after a change on the same data: the same answer (scripts/bench/spam-hash.ts)
  const hash = resultHash(result);
  console.error(`spam pass ${path.basename(root)} since=${values.since}: result hash ${hash}`);
  const scores: [string, number][] = [];
  for (const [id, a] of result.accounts) if (a.score > 0) scores.push([id, a.score]);
  process.stdout.write(`${JSON.stringify({
    median: samples[Math.floor(samples.length / 2)], best: samples[0], peakRssMb, startRssMb, hash, stats: result.stats, thresholds: result.thresholds,
    signalsOff: result.signals.filter((s) => !s.active).map((s) => `${s.id} (${s.why})`),
    waves: result.waves.length, largest: result.waves.slice(0, 5).map((w) => `${w.kind} ${w.label} ×${w.size}`),
    scores,
  })}\n`);
  await d.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
