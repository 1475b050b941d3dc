import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDeclared, parseConfig } from "@/lib/config";
import { CONFIG_VARS, NOT_CONFIGURATION, renderEnvExample } from "@/lib/config-vars";
import { spamConfig } from "@/lib/spam/config";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Names read as process.env.X, env.X, env["X"], or through a parsing helper: int(env, "X", ...). */
function namesRead(text: string): string[] {
  const patterns = [/\benv\.([A-Z][A-Z0-9_]*)/g, /\benv\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\]/g, /\(env, ["']([A-Z][A-Z0-9_]*)["']/g];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] as string));
}

const files = [
  ...["lib", "scripts", "bin", "app"].flatMap((d) => sources(join(root, d))),
  join(root, "instrumentation.ts"),
  join(root, "next.config.mjs"),
];
const read = new Map<string, string>(); // name → first file reading it
for (const f of files) for (const name of namesRead(readFileSync(f, "utf8"))) if (!read.has(name)) read.set(name, f.slice(root.length + 1));
const declared = new Set(CONFIG_VARS.map((v) => v.name));

describe(".env.example and lib/config-vars.ts", () => {
  it("the committed .env.example is the generated text (run npm run env:example)", () => {
    expect(readFileSync(join(root, ".env.example"), "utf8")).toBe(renderEnvExample());
  });

  it("the scan sees the variables parsed through helpers and read directly", () => {
    for (const name of ["SIGN_IN_MAX_FAILURES", "READY_CACHE_MS", "BASE_PATH", "REDIS_KEY_PREFIX", "SPAM_REVIEW_THRESHOLD", "HOST"]) expect(read.has(name), name).toBe(true);
  });

  it("every variable read in lib/, scripts/, bin/, app/ is declared (or listed as not configuration, with a reason)", () => {
    const undeclared = [...read].filter(([name]) => !declared.has(name) && !(name in NOT_CONFIGURATION));
    expect(undeclared).toEqual([]);
  });

  it("every declared variable is read somewhere (no stale entries), once", () => {
    expect(CONFIG_VARS.map((v) => v.name).filter((name) => !read.has(name))).toEqual([]);
    expect(declared.size).toBe(CONFIG_VARS.length);
    expect(CONFIG_VARS.filter((v) => v.name in NOT_CONFIGURATION)).toEqual([]);
  });

  it("each declared default is what the parser does when the variable is unset", () => {
    const unset = parseConfig({});
    const spamUnset = spamConfig({});
    for (const v of CONFIG_VARS) {
      if (v.parsedBy === "config") expect(parseConfig({ [v.name]: v.default }), v.name).toEqual(unset);
      if (v.parsedBy === "spam") expect(spamConfig({ [v.name]: v.default }), v.name).toEqual(spamUnset);
    }
  });

  it("lib/config.ts's parsing helpers refuse a name missing from the list (outside production)", () => {
    expect(() => checkDeclared("SIGN_IN_MAX_FAILURES")).not.toThrow();
    expect(() => checkDeclared("SIGN_IN_MAX_FAILURE")).toThrow(/not declared in lib\/config-vars.ts/);
  });

  it("a non-default value changes the parsed config (the check above is not vacuous)", () => {
    expect(parseConfig({ SIGN_IN_MAX_FAILURES: "6" })).not.toEqual(parseConfig({}));
    expect(parseConfig({ READY_CACHE_MS: "2" })).not.toEqual(parseConfig({}));
  });
});
