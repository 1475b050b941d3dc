import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
export const nextBin = require.resolve("next/dist/bin/next");

/** Newest modification time below a path (source folders are small: a plain walk is fine). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** A production build (in distDir: .next, or a base path's folder) is missing, or older than its sources. */
export function buildIsStale(root: string, distDir = ".next"): boolean {
  const id = join(root, distDir, "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  const sources = ["app", "components", "lib", "next.config.mjs", "package-lock.json", "instrumentation.ts", "proxy.ts"];
  return sources.some((s) => newest(join(root, s)) > built);
}

/**
 * Runs a build and puts tsconfig.json back as it was: `next build` adds its distDir's type folders
 * to `include`, so a BASE_PATH build (.next-base/admin) would leave the checked-in file changed.
 * Those types only serve an editor; `npm run typecheck` does not need them.
 */
export async function keepingTsconfig<T>(root: string, build: () => Promise<T>): Promise<T> {
  const file = join(root, "tsconfig.json");
  const before = readFileSync(file, "utf8");
  try {
    return await build();
  } finally {
    if (readFileSync(file, "utf8") !== before) writeFileSync(file, before);
  }
}

/** Runs the Next.js CLI; SIGINT/SIGTERM sent to this process are passed on to it. */
export function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return runNode(nextBin, args, env);
}

/** Runs a Node script (the standalone server.js, the Next CLI), passing SIGINT/SIGTERM on to it. */
export function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: "inherit", env, cwd });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/** Next's own build phases, as a first-time user would say them. */
const phases: [RegExp, string][] = [
  [/Creating an optimized production build/, "compiling the pages (the longest step)"],
  [/Compiled successfully|✓ Compiled/, "pages compiled"],
  [/Collecting page data/, "checking every route"],
  [/Generating static pages/, "preparing the pages"],
  [/Finalizing page optimization|Collecting build traces/, "finishing"],
];

/**
 * `next build` for `npm start`: instead of its ~45 lines of raw output, one line per phase with the
 * time since the start, and a ticking line while compiling; the raw output is printed only if the
 * build fails (it holds the error).
 */
export function buildWithProgress(env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<number> {
  const started = Date.now();
  const secs = () => `${Math.round((Date.now() - started) / 1000)} s`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { stdio: ["ignore", "pipe", "pipe"], env });
    let raw = "";
    let step = 0;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      raw += text;
      for (const line of text.split("\n")) {
        for (let i = 0; i < phases.length; i++) {
          const [re, words] = phases[i] as [RegExp, string];
          if (i >= step && re.test(line)) {
            step = i + 1;
            log(`  [${step}/${phases.length}] ${words} · ${secs()}`);
          }
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const tick = setInterval(() => log(`  … still building (${secs()}; the first build takes a minute or two)`), 20_000);
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("error", (err) => {
      clearInterval(tick);
      reject(err);
    });
    child.on("exit", (code, signal) => {
      clearInterval(tick);
      process.off("SIGINT", forward).off("SIGTERM", forward);
      const status = code ?? (signal ? 0 : 1);
      if (status === 0) log(`  Built in ${secs()}.`);
      else process.stderr.write(`\nThe build failed after ${secs()}; its output:\n${raw}`);
      resolve(status);
    });
  });
}
