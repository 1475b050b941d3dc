import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { createJiti } from "jiti";
import { type AppAuthOptions, authOptionsOf } from "./derive";

/**
 * Finds and loads an app's Better Auth config (auth.ts) the way Better Auth's own CLI does: with
 * jiti, which compiles TypeScript in memory on import (no build step, no files written), resolves
 * the app's `tsconfig` path aliases given to it, and is what `@better-auth/cli` uses, so a config
 * the CLI can read, this can. (tsx's API would register a loader for the whole process instead.)
 */

/** Where Better Auth's CLI and studio look, in order, under the app's folder. */
export const CONFIG_CANDIDATES = ["auth.ts", "auth.js", "lib/auth.ts", "lib/auth.js", "src/auth.ts", "src/lib/auth.ts", "src/lib/auth.js", "utils/auth.ts", "src/utils/auth.ts", "server/auth.ts", "src/server/auth.ts", "app/lib/auth.ts", "src/app/lib/auth.ts", "lib/server/auth.ts"];

export function findAuthConfig(cwd: string, explicit?: string): string | null {
  if (explicit) {
    const file = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(file)) throw new Error(`--config ${explicit}: no such file`);
    return file;
  }
  for (const c of CONFIG_CANDIDATES) if (existsSync(join(cwd, c))) return join(cwd, c);
  return null;
}

/** compilerOptions.paths of the nearest tsconfig.json, as jiti aliases ("@/*": ["./src/*"] → "@/": "<root>/src/"). */
function tsconfigAliases(from: string): Record<string, string> {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const file = join(dir, "tsconfig.json");
    if (existsSync(file)) {
      let json: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
      try {
        // tsconfig allows comments and trailing commas
        json = JSON.parse(readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|(?<=^|[^:"])\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1"));
      } catch {
        return {};
      }
      const base = resolve(dir, json.compilerOptions?.baseUrl ?? ".");
      const out: Record<string, string> = {};
      for (const [key, targets] of Object.entries(json.compilerOptions?.paths ?? {})) {
        const target = targets[0];
        if (!target) continue;
        out[key.replace(/\*$/, "")] = resolve(base, target.replace(/\*$/, "")) + (target.endsWith("*") ? "/" : "");
      }
      return out;
    }
    if (dirname(dir) === dir) return {};
  }
}

/**
 * Imports the config module and returns the Better Auth options it exports (`auth`, the default
 * export, or `options`). Importing runs the module's top level: `betterAuth()` builds the instance
 * but connects to nothing until a request; nothing here calls an endpoint or the database.
 */
export async function loadAuthOptions(file: string): Promise<AppAuthOptions> {
  const jiti = createJiti(file, { alias: tsconfigAliases(file), moduleCache: false, fsCache: false });
  const mod = (await jiti.import(file)) as Record<string, unknown>;
  for (const name of ["auth", "default", "options", "authOptions"]) {
    const options = authOptionsOf(mod[name]);
    if (options) return options;
  }
  const exported = Object.keys(mod).join(", ") || "nothing";
  throw new Error(`${file} exports no Better Auth instance or options (exports: ${exported}); export \`auth = betterAuth({...})\``);
}

/** The config's path as the user would write it: relative below the current folder, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
