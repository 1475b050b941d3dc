import { resolve } from "node:path";
import { isCore, pluginNameHits } from "./lib/plugin-names";

/**
 * Counts the lines of core code that name a Better Auth plugin (rules: scripts/lib/plugin-names.ts).
 * `npx tsx scripts/plugin-names.ts` prints the count per file; `--lines` prints every line.
 */
const root = resolve(import.meta.dirname, "..");
const all = pluginNameHits(root, { all: true });
const core = all.filter((h) => isCore(h.file));
const perFile = new Map<string, number>();
for (const h of core) perFile.set(h.file, (perFile.get(h.file) ?? 0) + 1);
if (process.argv.includes("--lines")) for (const h of core) console.log(`${h.file}:${h.line}: ${h.text}`);
else for (const [f, n] of [...perFile].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), f);
console.log(`\ncore lines naming a plugin: ${core.length} in ${perFile.size} files`);
console.log(`(all lines in app/ components/ lib/, module folders and module UI included: ${all.length})`);
