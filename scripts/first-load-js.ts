/**
 * First Load JS of a route, gzip, from the last `next build` (Next 16 with Turbopack no longer prints
 * it): the root main files every page loads plus the route's own entry chunks (its layouts and page),
 * each counted once. CSS and lazily loaded chunks are not counted, as in Next's old column.
 *   npx tsx scripts/first-load-js.ts "/(dashboard)/users/(list)/page" [.next]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const [route = "/(dashboard)/users/(list)/page", dir = ".next"] = process.argv.slice(2);
const root = resolve(dir);
const build = JSON.parse(readFileSync(resolve(root, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
const manifestFile = resolve(root, "server/app", `${route.replace(/^\//, "")}_client-reference-manifest.js`);
const holder: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
new Function("globalThis", readFileSync(manifestFile, "utf8"))(holder);
const manifest = holder.__RSC_MANIFEST?.[route];
if (!manifest) throw new Error(`no client manifest for ${route} in ${manifestFile}`);
// The route's entries: the root layout, each layout on the way, and the page itself.
const segments = Object.entries(manifest.entryJSFiles).filter(([k]) => /\/(layout|page)$/.test(k));
const files = new Set([...build.rootMainFiles, ...segments.flatMap(([, f]) => f)]);
let raw = 0;
let gzip = 0;
for (const f of files) {
  const body = readFileSync(resolve(root, f));
  raw += body.length;
  gzip += gzipSync(body, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${route}: ${files.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip (first load JS)`);
