import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Response as PageResponse } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { prepareStandalone } from "../../scripts/lib/standalone";
import { freePort } from "../helpers/server-process";
import { type E2E, skip, startE2E } from "./server";

/**
 * BASE_PATH=/admin on the real server, its own build (.next-base/admin): pages, assets, /api and the
 * staff cookie all live under /admin, and nothing is served at the root. What a reverse proxy that
 * forwards /admin/* unchanged to the dashboard relies on.
 */
describe.skipIf(skip)("the dashboard under BASE_PATH=/admin", () => {
  let e: E2E;
  let origin: string;

  beforeAll(async () => {
    e = await startE2E(undefined, { env: { BASE_PATH: "/admin" } });
    origin = new URL(e.base).origin;
    expect(e.base).toBe(`${origin}/admin`);
  }, 900_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("serves health, readiness and Better Auth under the prefix only", async () => {
    expect((await fetch(`${origin}/admin/api/health`)).status).toBe(200);
    // 503 "warming" for the first seconds after a start (lib/http/warming.ts), then ready
    const ready = async () => {
      const r = await fetch(`${origin}/admin/api/ready`);
      return [r.status, ((await r.json()) as { status: string }).status];
    };
    await expect.poll(ready, { timeout: 30_000, interval: 250 }).toEqual([200, "ready"]);
    for (const path of ["/api/health", "/api/ready", "/sign-in", "/api/auth/get-session"]) {
      expect([path, (await fetch(`${origin}${path}`, { redirect: "manual" })).status]).toEqual([path, 404]);
    }
    const signIn = await fetch(`${origin}/admin/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ email: "admin@demo.local", password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*Path=\/admin(;|$)/i);
    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    // the allow-list holds under the prefix too
    expect((await fetch(`${origin}/admin/api/auth/list-sessions`, { headers: { cookie } })).status).toBe(404);
    const users = await fetch(`${origin}/admin/api/v1/users?limit=1`, { headers: { cookie } });
    expect(users.status).toBe(200);
  });

  it("puts the page CSP on prefixed pages and refuses a cross-site server action there", async () => {
    const page = await fetch(`${origin}/admin/sign-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/nonce-/);
    const action = await fetch(`${origin}/admin/sign-in`, {
      method: "POST",
      headers: { "next-action": "0123456789abcdef", origin: "https://evil.example", "content-type": "text/plain" },
      body: "[]",
    });
    expect(action.status).toBe(403);
  });

  it("signs in to /admin/users with a cookie for /admin, loads every asset, and signs out to /admin/sign-in", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failed: string[] = [];
    const assets: string[] = [];
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("response", (r: PageResponse) => {
      const url = new URL(r.url());
      if (url.pathname.includes("/_next/")) assets.push(url.pathname);
      if (r.status() >= 400) failed.push(`${r.status()} ${url.pathname}`);
    });

    // anonymous: requireStaff's redirect keeps the prefix
    await page.goto(`${e.base}/users`);
    await page.waitForURL(`${e.base}/sign-in?next=%2Fusers`);
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD);
    await page.waitForURL(`${e.base}/users`);
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const staffCookies = (await page.context().cookies()).filter((c) => c.name.startsWith("ba-admin"));
    expect(staffCookies.length).toBeGreaterThan(0);
    for (const c of staffCookies) expect([c.name, c.path]).toEqual([c.name, "/admin"]);

    // the command palette's fetch (withBasePath) reaches the API under the prefix
    await page.locator("main h1").first().waitFor();
    const palette = page.waitForResponse((r) => new URL(r.url()).pathname === "/admin/api/v1/users", { timeout: 20_000 });
    await page.keyboard.press("Control+k");
    const input = page.getByRole("combobox", { name: "Search users, pages and actions" });
    await input.waitFor();
    await input.fill("demo");
    expect((await palette).status()).toBe(200);
    await page.keyboard.press("Escape");

    // a client-side navigation (Link) stays under the prefix
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    await page.waitForURL(new RegExp(`^${e.base}/sessions`));
    await page.locator("main h1").first().waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${e.base}/sign-in`);
    expect((await page.context().cookies()).filter((c) => c.name.includes("session_token"))).toEqual([]);

    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((p) => !p.startsWith("/admin/_next/"))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("runs the /admin build's standalone server (what npm start runs), and refuses it another BASE_PATH", async () => {
    const server = prepareStandalone(resolve(import.meta.dirname, "../.."), ".next-base/admin");
    const start = async (basePath: string) => {
      const port = await freePort();
      const child = spawn(process.execPath, [server], {
        cwd: resolve(server, ".."),
        env: {
          PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", PORT: String(port),
          DATABASE_URL: e.t.url, DATABASE_POOL_MAX: "2", AUTH_DB_SCHEMA: e.t.schema, BETTER_AUTH_SECRET: "browser-test-secret-0123456789abcdefghij",
          BETTER_AUTH_URL: `http://127.0.0.1:${port}`, BASE_PATH: basePath,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
      const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      return { child, port, exited, out: () => out };
    };

    const wrong = await start("");
    expect(await wrong.exited).toBe(1);
    expect(wrong.out()).toContain('this build serves under "/admin" but BASE_PATH is "/"');

    const right = await start("/admin");
    try {
      const base = `http://127.0.0.1:${right.port}/admin`;
      await expect.poll(() => fetch(`${base}/api/ready`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 250 }).toBe(200);
      const html = await (await fetch(`${base}/sign-in`)).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/admin\/_next\/static\/[^"]+)"/g)].map((m) => m[1] as string);
      expect(assets.length).toBeGreaterThan(0);
      for (const a of assets.slice(0, 5)) expect([a, (await fetch(`http://127.0.0.1:${right.port}${a}`)).status]).toEqual([a, 200]);
    } finally {
      right.child.kill("SIGTERM");
      await right.exited;
    }
  }, 120_000);
});
