import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { createPasswordUser, PASSWORD } from "../helpers/staff";
import { type E2E, screenshotDir, skip, startE2E } from "./server";
import { SOON } from "./fixtures";

/** The flows a support person uses, in real Chromium against `next start` on a seeded database. */
describe.skipIf(skip)("in the browser", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E((t) => createPasswordUser(t.d, { id: "e2e_plain", email: "plain@corp.test", role: "user" }));
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const page = await e.browser.newPage();
    await page.goto(`${e.base}/users`);
    await expect.poll(() => new URL(page.url()).pathname, SOON).toBe("/sign-in");
    await page.close();
  });

  it("refuses a user without a staff role, with the wrong-password answer", async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, "plain@corp.test", PASSWORD);
    await expect.poll(() => page.locator(".alert-error").textContent(), SOON).toBe("Wrong email or password.");
    await page.close();
  });

  it("lets support sign in, search and open a user", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count(), SOON).toBeGreaterThan(10);
    await page.screenshot({ path: resolve(screenshotDir, "users-list.png"), fullPage: true });

    // Pick a real user from the table and find them by part of their email.
    const target = await e.t.d.db.selectFrom("user").select(["user.id", "user.email", "user.name"]).where("user.role", "is", null).orderBy("user.id").limit(1).executeTakeFirstOrThrow();
    const fragment = target.email.split("@")[0] ?? target.email;
    await page.getByRole("searchbox").fill(fragment.toUpperCase());
    await expect.poll(() => new URL(page.url()).searchParams.get("q"), SOON).toBe(fragment.toUpperCase());
    await expect.poll(() => page.locator("tbody").textContent(), SOON).toContain(target.email);
    await page.screenshot({ path: resolve(screenshotDir, "users-search.png"), fullPage: true });

    await page.getByRole("link", { name: target.name }).first().click();
    await page.waitForURL(new RegExp(`/users/${target.id}$`));
    await expect.poll(() => page.locator("main").textContent(), SOON).toContain(target.email);
    await expect.poll(() => page.getByRole("heading", { name: /Why can.t this user sign in\?/ }).count(), SOON).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(screenshotDir, "user-detail.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
