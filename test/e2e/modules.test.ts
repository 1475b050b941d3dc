import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateAppSchema } from "../../lib/db/migrate";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { type E2E, skip, startE2E } from "./server";
import { SOON } from "./fixtures";

/**
 * What modules contribute, rendered by the core in real Chromium: the passkey module's panel on the
 * user page (its table added the way an app would, with Better Auth's migrations), the admin
 * module's ban-status filter and the username module's column on the users list, and the core
 * module's navigation.
 */
describe.skipIf(skip)("module contributions in the browser", () => {
  let e: E2E;
  let target: { id: string; email: string };

  beforeAll(async () => {
    e = await startE2E(async (t) => {
      await migrateAppSchema(t.raw, t.naming, ["admin", "username", "twoFactor", "passkey"]);
      target = await t.d.db.selectFrom("user").select(["user.id", "user.email"]).where("user.role", "is", null).orderBy("user.id").limit(1).executeTakeFirstOrThrow();
      const now = new Date();
      await sql`insert into ${sql.raw(t.naming.qualified("passkey"))} (id, name, "publicKey", "userId", "credentialID", counter, "deviceType", "backedUp", "createdAt")
        values ('pk_e2e', 'Work laptop', 'PUBLIC-KEY-E2E', ${target.id}, 'CRED-E2E', 42, 'multiDevice', true, ${now})`.execute(t.raw);
    });
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("shows the core's sections, the admin module's status filter and the passkey panel", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    const nav = page.getByRole("navigation", { name: "Main" });
    // The core's sections a support person may open (Spam and Audit are not theirs), in the core's order.
    await expect.poll(() => nav.getByRole("link").allTextContents(), SOON).toEqual(expect.arrayContaining(["Overview", "Users", "Sessions"]));
    const links = await nav.getByRole("link").allTextContents();
    expect(links.slice(0, 3)).toEqual(["Overview", "Users", "Sessions"]);
    expect(links).not.toContain("Spam");
    expect(links).not.toContain("Audit");

    // The username module's column, after the core's sign-in methods.
    const headers = page.locator("thead th");
    await expect.poll(() => headers.allTextContents(), SOON).toEqual(expect.arrayContaining(["Sign-in methods", "Username"]));
    const texts = await headers.allTextContents();
    expect(texts.indexOf("Username")).toBe(texts.indexOf("Sign-in methods") + 1);

    // The admin module's filter, rendered as a faceted filter: its options, applied through the URL.
    const filters = page.getByRole("search", { name: "Filter users" });
    await filters.getByRole("button", { name: "Status", exact: true }).click();
    await expect.poll(() => page.getByRole("option").allTextContents(), SOON).toEqual(expect.arrayContaining(["Active", "Banned", "Ban expired"]));
    await page.getByRole("option", { name: "Banned" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status"), SOON).toBe("banned");

    await page.goto(`${e.base}/users/${encodeURIComponent(target.id)}`);
    const panel = page.getByTestId("passkeys-panel");
    await expect.poll(() => panel.textContent(), SOON).toContain("Work laptop");
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("Multi-device");
    expect(text).toContain("Backed up");
    expect(await page.content()).not.toMatch(/PUBLIC-KEY-E2E|CRED-E2E/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
