import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer order of lib/ (docs/architecture.md, "Layers"): a file may import its own layer and the
 * ones below, never one above. Biome cannot express this, so this test reads the import graph.
 * Type-only imports are not counted: they vanish at build time and create no load order.
 */
const LIB = resolve(__dirname, "../lib");

/** Lowest first. A file's layer is its own path if listed, else its folder under lib/ (or its name, for lib/*.ts). */
const LAYERS: { name: string; members: string[] }[] = [
  // pure helpers every layer uses: no database, no configuration
  // (auth/roles.ts: the staff role names, which configuration parses; it imports nothing)
  { name: "base", members: ["errors.ts", "input-guard.ts", "params.ts", "known-params.ts", "url-state.ts", "auth/roles.ts", "commit-hooks.ts", "base-path.mjs", "config-vars.ts", "within.ts", "extent.ts"] },
  // configuration (the environment), connections, the logical schema, naming, introspection, SQL
  // helpers shared by the query layers;
  // the plugin/module declarations are what the schema is derived from
  { name: "db", members: ["config.ts", "db", "plugins", "modules"] },
  // pure query functions fn(q, params) and what they compute
  { name: "queries", members: ["accounts", "users", "sessions", "audit", "spam", "doctor", "seed"] },
];
/**
 * Files that run actions live beside their queries (or in their module's actions/ folder) but belong
 * above them (they use the runner): actions.ts, *-actions.ts, *.action.ts, anything under actions/.
 */
const isActionFile = (rel: string) => /(^|\/)(actions|[a-z-]+-actions)\.ts$|\.action\.ts$|(^|\/)modules\/[^/]+\/actions\//.test(rel);
/**
 * A module's UI (server components under modules/<name>/ui/) sits above everything, like pages; so
 * do its client entry (modules/<name>/client.ts) and the generated registry of those (browser code).
 */
const isModuleUi = (rel: string) => /^modules\/[^/]+\/ui\//.test(rel) || /^modules\/([^/]+\/client|client-registry)\.ts$/.test(rel);
/** A module's queries (modules/<name>/queries.ts) are query functions: the queries layer. */
const isModuleQueries = (rel: string) => /^modules\/[^/]+\/queries\.ts$/.test(rel);

function layerOf(rel: string): number | null {
  if (isActionFile(rel) || isModuleUi(rel)) return null;
  if (isModuleQueries(rel)) return LAYERS.findIndex((l) => l.name === "queries");
  const exact = LAYERS.findIndex((l) => l.members.includes(rel));
  if (exact !== -1) return exact;
  const head = rel.includes("/") ? rel.slice(0, rel.indexOf("/")) : rel;
  const i = LAYERS.findIndex((l) => l.members.includes(head));
  return i === -1 ? null : i;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * Relative imports that load code at run time: `import x from`, `export … from`, `import("…")`.
 * Exception: a module's declaration may name its own UI lazily (`load: () => import("./ui/…")`):
 * nothing is loaded until a page renders the panel, so it adds no load order below the pages.
 */
function runtimeImports(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"(\.[^"]+)"/gms)) {
    if (!m[2]) out.push(m[3] as string);
  }
  for (const m of src.matchAll(/import\(\s*"(\.[^"]+)"\s*\)/g)) if (!/^\.\/ui\//.test(m[1] as string)) out.push(m[1] as string);
  return out;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of files(LIB)) {
    const from = relative(LIB, file);
    const own = layerOf(from);
    if (own === null) continue;
    for (const spec of runtimeImports(readFileSync(file, "utf8"))) {
      const target = relative(LIB, resolve(dirname(file), spec));
      if (target.startsWith("..")) continue;
      const withExt = /\.tsx?$/.test(target) ? target : `${target}.ts`;
      const theirs = layerOf(withExt) ?? layerOf(target);
      // Outside every listed layer (auth, actions, moderation, http, staff…) means above them all.
      if (theirs === null || theirs > own) found.push(`${from} (${LAYERS[own]?.name}) imports ${spec}`);
    }
  }
  return found;
}

describe("lib/ import graph", () => {
  it("imports only downward: base ← db ← queries ← the rest", () => {
    expect(violations()).toEqual([]);
  });

  it("reads the imports it checks (a parser that sees nothing would pass anything)", () => {
    const src = 'import { a } from "../users/x";\nimport type { T } from "../auth/roles";\nexport { b } from "./y";\nconst m = import("../http/z");';
    expect(runtimeImports(src)).toEqual(["../users/x", "./y", "../http/z"]);
    const db = readFileSync(join(LIB, "db/introspect.ts"), "utf8");
    expect(runtimeImports(db).length).toBeGreaterThan(2);
  });

  it("places a module's queries, UI and lazy UI imports in their layers", () => {
    expect(layerOf("modules/passkey/queries.ts")).toBe(LAYERS.findIndex((l) => l.name === "queries"));
    expect(layerOf("modules/passkey/ui/passkeys-panel.tsx")).toBeNull();
    expect(layerOf("modules/passkey/index.ts")).toBe(LAYERS.findIndex((l) => l.name === "db"));
    expect(layerOf("modules/admin/client.ts")).toBeNull();
    expect(layerOf("modules/client-registry.ts")).toBeNull();
    expect(runtimeImports('const p = { load: () => import("./ui/panel") };\nconst x = import("../users/x");')).toEqual(["../users/x"]);
  });
});
