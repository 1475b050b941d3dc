/**
 * npm run bench:export [-- --users N]   (default 100,000; 1,000,000 for the figure)
 * Times the CSV exports over the seeded benchmark database (scripts/bench/setup.ts: schema bench_<N>
 * on BENCH_DATABASE_URL, else DATABASE_URL, else the embedded engine) and reports their peak memory.
 * What runs is the route's whole body pipeline — the keyset walk (userExportRows / sessionExportRows),
 * CSV encoding and the pull stream (csvBody) — read to the end by a consumer that keeps nothing, as a
 * client downloading the file would; only HTTP and the staff check are left out.
 * Peak RSS is sampled every 50 ms during each export and compared with the RSS before it (it
 * includes garbage not yet collected); the heap after a forced GC every 10 pages (tsx --expose-gc,
 * as npm run bench:export runs it) is what the export actually keeps.
 */
import { parseArgs } from "node:util";
import { csvBody } from "../lib/export/stream";
import { EXPORT_PAGE } from "../lib/params";
import { SESSION_EXPORT_HEADER, sessionExportRows } from "../lib/sessions/export";
import { parseSessionExportParams } from "../lib/sessions/search-params";
import { USER_EXPORT_HEADER, userExportRows } from "../lib/users/export";
import { parseUserExportParams } from "../lib/users/list-params";
import type { CsvValue } from "../lib/export/csv";
import { prepareBenchDatabase } from "./bench/setup";

const { values } = parseArgs({ options: { users: { type: "string", default: "100000" } }, strict: true });
const mb = (n: number) => `${(n / 1_048_576).toFixed(0)} MB`;

async function measure(label: string, header: readonly string[], pages: AsyncGenerator<CsvValue[][]>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const body = csvBody(header, await pages.next(), pages, (err) => {
    throw err;
  });
  const reader = body.getReader();
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  // Retained memory, not garbage: with --expose-gc, the heap after a full collection every 10 pages.
  const heapStart = process.memoryUsage().heapUsed;
  let heapMax = heapStart;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) lines++;
    if (global.gc && ++chunks % 10 === 0) {
      global.gc();
      heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
    }
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label.padEnd(34)} ${String(lines - 1).padStart(9)} rows  ${mb(bytes).padStart(7)}  ${(ms / 1000).toFixed(1).padStart(6)} s  ` +
      `${Math.round(((lines - 1) / ms) * 1000).toLocaleString("en").padStart(8)} rows/s  RSS ${mb(before)} → peak ${mb(peak)} (+${mb(peak - before)})` +
      (global.gc ? `  heap after GC ${mb(heapStart)} → max ${mb(heapMax)}` : ""),
  );
}

async function main() {
  const b = await prepareBenchDatabase(Number(values.users));
  try {
    const now = new Date();
    console.log(`CSV export, ${EXPORT_PAGE.toLocaleString("en")}-row keyset pages, ${b.users.toLocaleString("en")} seeded users, node ${process.version}`);
    await measure("users (all, -createdAt)", USER_EXPORT_HEADER, userExportRows(b.d, parseUserExportParams({}), now));
    await measure("users (verified=true, sort=email)", USER_EXPORT_HEADER, userExportRows(b.d, parseUserExportParams({ verified: "true", sort: "email" }), now));
    if (b.d.caps.sessionTable) await measure("sessions (all live)", SESSION_EXPORT_HEADER, sessionExportRows(b.d, parseSessionExportParams({}, EXPORT_PAGE), now));
  } finally {
    await b.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
