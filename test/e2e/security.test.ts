import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../../lib/actions/registry";
import { executeAction } from "../../lib/actions/runner";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { depsFor, staffOf } from "../helpers/actions";
import { type E2E, screenshotDir, skip, startE2E } from "./server";
import { SOON } from "./fixtures";

/** The machine running the suite may be busy: a page render can take seconds, not the default 1 s. */
const SLOW = { timeout: 20_000 };

/**
 * Security headers and the server-action origin check, against `next start`; the pages still work
 * under the CSP in Chromium; and after a ban the pages say what is known, not "never".
 */
describe.skipIf(skip)("browser-side hardening", () => {
  let e: E2E;
  let banned: { id: string; email: string; lastActive: Date };

  beforeAll(async () => {
    e = await startE2E(async (t) => {
      await t.reopen(); // sees the audit table startE2E installed, so the ban's record is stored
      // A regular user with sessions, banned before the server starts (the ban ends every session).
      const row = await t.d.db
        .selectFrom("session")
        .innerJoin("user", "user.id", "session.userId")
        .select(["user.id", "user.email", (eb) => eb.fn.max("session.updatedAt").as("last")])
        .where("user.role", "=", "user")
        .where("session.expiresAt", ">", new Date())
        .groupBy(["user.id", "user.email"])
        .orderBy("user.id")
        .limit(1)
        .executeTakeFirstOrThrow();
      banned = { id: row.id, email: row.email, lastActive: new Date(row.last as Date) };
      // Only live sessions, so the ban leaves no row behind and the page must rely on the audit.
      await t.d.db.deleteFrom("session").where("session.userId", "=", row.id).where("session.expiresAt", "<=", new Date()).execute();
      const { deps } = depsFor(t.d, staffOf.moderator);
      await executeAction(actions["user.ban"] as never, deps, { userId: row.id, reason: "e2e" });
    });
  }, 600_000);

  afterAll(async () => {
    if (e) writeFileSync(resolve(screenshotDir, "security-server.log"), e.output());
    await e?.stop();
  });

  it("sends a nonce CSP and the static security headers with a page", async () => {
    const res = await fetch(`${e.base}/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    // Served over http (BETTER_AUTH_URL http://localhost:…): no HSTS, no upgrade of requests.
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(csp).not.toContain("upgrade-insecure-requests");
    // Next stamped this response's nonce on its scripts; none is without it.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per request.
    const again = (await fetch(`${e.base}/sign-in`)).headers.get("content-security-policy");
    expect(again).not.toContain(nonce);
  });

  it("sends nosniff and a deny-all CSP with API JSON", async () => {
    const res = await fetch(`${e.base}/api/v1/users`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("refuses a server action from another origin with 403, not 500", async () => {
    const post = (origin: string | null) =>
      fetch(`${e.base}/sign-in`, {
        method: "POST",
        headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", ...(origin ? { Origin: origin } : {}) },
        body: "[]",
      });
    const foreign = await post("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: { code: "forbidden", message: "Cross-site server action from https://evil.example refused" } });
    expect(foreign.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await post(null)).status).toBe(403);
    // A progressive-enhancement form post (no Next-Action header) from elsewhere is a server action too.
    const form = await fetch(`${e.base}/sign-in`, { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(form.status).toBe(403);
    // The dashboard's own origin passes the proxy (Next then answers for the unknown action id).
    expect((await post(e.base)).status).not.toBe(403);
    expect(e.output()).not.toMatch(/does not match `origin` header/);
  });

  it("runs the sign-in page, the users list and a user page without a CSP violation, hydrated", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const watch = (p: Page) => {
      // Chromium reports every blocked script, style or image as a console message naming the CSP.
      p.on("console", (m: ConsoleMessage) => {
        if (/Content Security Policy/i.test(m.text())) problems.push(`${p.url()}: ${m.text()}`);
      });
      p.on("pageerror", (err) => problems.push(`${p.url()}: ${err.message}`));
    };
    watch(page);
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await expect.poll(() => page.locator("tbody tr").count(), SLOW).toBeGreaterThan(10);

    // Hydration: typing in the search box updates the URL only when React runs (nuqs).
    const target = await e.t.d.db.selectFrom("user").select(["user.id", "user.email", "user.name"]).where("user.role", "is", null).orderBy("user.id").limit(1).executeTakeFirstOrThrow();
    const fragment = target.email.split("@")[0] ?? target.email;
    await page.getByRole("searchbox").fill(fragment);
    await expect.poll(() => new URL(page.url()).searchParams.get("q"), SLOW).toBe(fragment);
    await expect.poll(() => page.locator("tbody").textContent(), SLOW).toContain(target.email);

    await page.getByRole("link", { name: target.name }).first().click();
    await page.waitForURL(new RegExp(`/users/${target.id}$`));
    await expect.poll(() => page.getByRole("heading", { name: /Why can.t this user sign in\?/ }).count(), SLOW).toBeGreaterThan(0);
    // A full load of the user page too (not only a client-side navigation).
    await page.reload();
    await expect.poll(() => page.locator("main").textContent(), SLOW).toContain(target.email);
    await page.screenshot({ path: resolve(screenshotDir, "user-detail-csp.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says 'no session now' with the kept last activity after a ban, on the user page and in the list", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users/${banned.id}`);
    const main = page.locator("main");
    await expect.poll(() => main.textContent(), SLOW).toContain("No session now");
    const day = banned.lastActive.toISOString().slice(0, 10);
    await expect.poll(() => main.textContent(), SOON).toMatch(new RegExp(`\\(${day} \\d\\d:\\d\\d UTC\\), kept when sessions were ended by user\\.ban on `));
    expect(await main.textContent()).not.toMatch(/never signed in/i);
    await page.screenshot({ path: resolve(screenshotDir, "user-detail-banned.png"), fullPage: true });

    await page.goto(`${e.base}/users?q=${encodeURIComponent(banned.email)}`);
    const row = page.locator("tbody tr", { hasText: banned.email });
    await expect.poll(() => row.textContent(), SLOW).toContain("No session now ·");
    expect(await page.locator("tbody").textContent()).not.toMatch(/\bNever\b/);
    await page.close();
  });
});
