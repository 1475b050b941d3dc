import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { installAuditTable } from "../../lib/audit/table";
import { seedDatabase } from "../../lib/seed/insert";
import { distDirFor, parseBasePath } from "../../lib/base-path.mjs";
import { buildIsStale, keepingTsconfig, nextBin, run } from "../../scripts/lib/next-build";
import { createTestDb, type TestDb } from "../helpers/db";

/**
 * Shared set-up of the browser tests: a seeded schema of its own per test file, `next start` on it,
 * and Chromium. Needs Debian's chromium (/usr/bin/chromium): CI installs it; on a laptop without it
 * the files are skipped with a note (CI=true makes a missing browser a failure).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const skip = process.env.SKIP_BROWSER_TESTS === "1" || (!existsSync(CHROMIUM) && process.env.CI !== "true");
if (skip) console.warn(`browser tests skipped (${process.env.SKIP_BROWSER_TESTS === "1" ? "SKIP_BROWSER_TESTS=1" : `no ${CHROMIUM}`})`);

const root = resolve(import.meta.dirname, "../..");
export const screenshotDir = resolve(root, "test-results");

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? res(address.port) : rej(new Error("no port"))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * With TEST_DATABASE_URL the browser test files run in parallel: only one may run `next build`
 * (two builds into one .next corrupt it). A directory is the lock (mkdir is atomic); a lock older
 * than the slowest build is left over from a killed run and is taken over.
 */
async function buildOnce(env: NodeJS.ProcessEnv) {
  const lock = resolve(screenshotDir, ".next-build.lock");
  mkdirSync(screenshotDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 600_000) rmdirSync(lock);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    // BASE_PATH builds into a folder of its own (next.config.mjs): .next stays the root build.
    if (buildIsStale(root, distDirFor(parseBasePath(env.BASE_PATH)))) {
      const code = await keepingTsconfig(root, () => run(["build"], env));
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface E2E {
  t: TestDb;
  /** where the dashboard is served: the origin, and BASE_PATH when the test sets one */
  base: string;
  browser: Browser;
  /** the server's stdout and stderr so far (audit lines, errors) */
  output(): string;
  /** Signs in through the form; `next` (default /users, what most flows start from) is where it returns to, null for none. */
  signIn(page: Page, email: string, password: string, next?: string | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh schema seeded like the demo (300 users by default, fixed seed), with the audit table
 * installed before the server starts so it detects it; `prepare` adds rows a test needs. Then
 * `next start` and Chromium. `users` raises the seed for flows that need volume (spam waves).
 */
export async function startE2E(
  prepare: (t: TestDb) => Promise<void> = async () => {},
  opts: { users?: number; readyPath?: string; env?: Record<string, string> } = {},
): Promise<E2E> {
  const t = await createTestDb("default");
  let server: ChildProcess | undefined;
  try {
    await seedDatabase(t.raw, t.naming, { users: opts.users ?? 300, seed: 7, concurrency: 1 });
    await installAuditTable(t.raw, t.schema);
    await prepare(t);
    const port = await freePort();
    const base = `http://localhost:${port}${parseBasePath(opts.env?.BASE_PATH)}`;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: t.url,
      DATABASE_POOL_MAX: "2",
      AUTH_DB_SCHEMA: t.schema,
      BETTER_AUTH_SECRET: "browser-test-secret-0123456789abcdefghij",
      BETTER_AUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      ...opts.env,
    };
    await buildOnce(env);
    let output = "";
    const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    server = child;
    child.stdout?.on("data", (b) => (output += b));
    child.stderr?.on("data", (b) => (output += b));
    // readyPath: the first request of the fresh process (some bugs depend on which bundle runs first).
    await waitForServer(`${base}${opts.readyPath ?? "/sign-in"}`, child);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(screenshotDir, { recursive: true });
    return {
      t,
      base,
      browser,
      output: () => output,
      async signIn(page, email, password, next = "/users") {
        await page.goto(next === null ? `${base}/sign-in` : `${base}/sign-in?next=${encodeURIComponent(next)}`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Sign in" }).click();
      },
      async stop() {
        await browser.close();
        child.kill("SIGTERM");
        await t.cleanup();
      },
    };
  } catch (err) {
    // A half-started run must not leave a server or a schema behind.
    server?.kill("SIGTERM");
    await t.cleanup();
    throw err;
  }
}
