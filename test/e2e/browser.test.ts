import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../lib/seed/insert";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { buildIsStale, nextBin, run } from "../../scripts/lib/next-build";
import { createTestDb, type TestDb } from "../helpers/db";
import { createPasswordUser, PASSWORD } from "../helpers/staff";

/**
 * The flows a support person uses, in real Chromium against `next start` on a seeded database.
 * Needs Debian's chromium (/usr/bin/chromium): CI installs it; on a laptop without it the file is
 * skipped with a note (CI=true makes a missing browser a failure).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = process.env.SKIP_BROWSER_TESTS === "1" || (!existsSync(CHROMIUM) && process.env.CI !== "true");
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

describe.skipIf(skip)("in the browser", () => {
  let t: TestDb;
  let server: ChildProcess;
  let browser: Browser;
  let base: string;
  let output = "";

  beforeAll(async () => {
    t = await createTestDb("default");
    await seedDatabase(t.raw, t.naming, { users: 300, seed: 7, concurrency: 1 });
    await createPasswordUser(t.d, { id: "e2e_plain", email: "plain@corp.test", role: "user" });
    const port = await freePort();
    base = `http://localhost:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: t.url,
      DATABASE_POOL_MAX: "2",
      AUTH_DB_SCHEMA: t.schema,
      BETTER_AUTH_SECRET: "browser-test-secret-0123456789abcdefghij",
      BETTER_AUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (buildIsStale(root)) {
      const code = await run(["build"], env);
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout?.on("data", (b) => (output += b));
    server.stderr?.on("data", (b) => (output += b));
    await waitForServer(`${base}/sign-in`, server);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(screenshotDir, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
    await t?.cleanup();
  });

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  it("sends a signed-out visitor to the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/users`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await page.close();
  });

  it("refuses a user without a staff role", async () => {
    const page = await browser.newPage();
    await signIn(page, "plain@corp.test", PASSWORD);
    await expect.poll(() => page.locator(".alert-error").textContent()).toMatch(/not a staff member/);
    await page.close();
  });

  it("lets support sign in, search and open a user", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    await page.screenshot({ path: resolve(screenshotDir, "users-list.png"), fullPage: true });

    // Pick a real user from the table and find them by part of their email.
    const target = await t.d.db.selectFrom("user").select(["user.id", "user.email", "user.name"]).where("user.role", "is", null).orderBy("user.id").limit(1).executeTakeFirstOrThrow();
    const fragment = target.email.split("@")[0] ?? target.email;
    await page.getByRole("searchbox").fill(fragment.toUpperCase());
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(fragment.toUpperCase());
    await expect.poll(() => page.locator("tbody").textContent()).toContain(target.email);
    await page.screenshot({ path: resolve(screenshotDir, "users-search.png"), fullPage: true });

    await page.getByRole("link", { name: target.name }).first().click();
    await page.waitForURL(new RegExp(`/users/${target.id}$`));
    await expect.poll(() => page.locator("main").textContent()).toContain(target.email);
    await expect.poll(() => page.getByRole("heading", { name: /Why can.t this user sign in\?/ }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(screenshotDir, "user-detail.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
