/**
 * npm run bench:export [-- --users N]   (default 100,000; 1,000,000 for the issue's figure)
 * npm run bench:export -- --http --schema S   the same exports over HTTP from the built server
 *   (`next start`, signed in), with the peak RSS of the server process; S is a writable copy of a
 *   bench schema (scripts/bench/copy-schema.ts), since signing in writes a session row.
 *   --only L runs only the exports whose label starts with L (e.g. sessions), beside the small one.
 *   --max-seconds T stops reading each export after T s (the client goes away, the server stops its
 *   walk): on a loaded machine a 1M-row export can outlast a session; rows/s and RSS still show.
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
import { load, mb, rssPeak, rssTree, signedInDashboard } from "./bench/http";
import { prepareBenchDatabase } from "./bench/setup";

const { values } = parseArgs({ options: { users: { type: "string", default: "100000" }, http: { type: "boolean", default: false }, schema: { type: "string" }, "max-seconds": { type: "string" }, only: { type: "string" } }, strict: true });

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

/** The UTC date `offset` days from today, as the list's date filters take it. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Over HTTP: each export read to the end as a client downloading it; the server's RSS (with its
 * children) sampled every 50 ms. A small export first, so a flat memory shows beside a 1M-row one.
 */
async function overHttp(schema: string) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("--http needs BENCH_DATABASE_URL or DATABASE_URL");
  if (schema.startsWith("bench_")) throw new Error(`--http signs in (a session row): run it on a copy of ${schema} (scripts/bench/copy-schema.ts)`);
  const dash = await signedInDashboard(url, schema);
  try {
    const get = async (path: string) => {
      const res = await fetch(`${dash.base}${path}`, { headers: { cookie: dash.cookie } });
      if (!res.ok || !res.body) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    // Warm the routes (first-request compilation of the route's chunks is not the export's cost).
    await (await get("/api/v1/users?limit=25")).json();
    await (await get("/api/v1/users/export?q=zzzz-no-such-user")).text();
    console.log(`CSV export over HTTP (next start, schema ${schema}), node ${process.version}, ${load()}`);
    for (const [label, path] of [
      ["users, one day of sign-ups (small)", `/api/v1/users/export?createdAfter=${day(-30)}&createdBefore=${day(-29)}`],
      ["users (all, -createdAt)", "/api/v1/users/export"],
      ["sessions (all live)", "/api/v1/sessions/export"],
    ] as const) {
      // --only sessions: the exports whose label starts so (the small one is always run, for scale)
      if (values.only && !label.startsWith(values.only) && !label.includes("(small)")) continue;
      const before = rssTree(dash.pid);
      const peak = rssPeak(dash.pid);
      const started = performance.now();
      const res = await get(path);
      const firstByte = performance.now() - started;
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let bytes = 0;
      let lines = 0;
      let stopped = false;
      const maxMs = values["max-seconds"] ? Number(values["max-seconds"]) * 1000 : Number.POSITIVE_INFINITY;
      for (;;) {
        if (performance.now() - started > maxMs) {
          await reader.cancel();
          stopped = true;
          break;
        }
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        for (const b of value) if (b === 10) lines++;
      }
      const ms = performance.now() - started;
      const top = peak();
      console.log(
        `${(stopped ? `${label}, stopped at ${values["max-seconds"]} s` : label).padEnd(40)} ${String(lines - 1).padStart(9)} rows  ${mb(bytes).padStart(7)}  ${(ms / 1000).toFixed(1).padStart(6)} s  first byte ${firstByte.toFixed(0)} ms  ` +
          `${Math.round(((lines - 1) / ms) * 1000).toLocaleString("en").padStart(8)} rows/s  server RSS ${mb(before)} → peak ${mb(top)} (+${mb(top - before)})  ${load()}`,
      );
    }
  } finally {
    dash.stop();
  }
}

async function main() {
  if (values.http) {
    if (!values.schema) throw new Error("--http needs --schema");
    return overHttp(values.schema);
  }
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
