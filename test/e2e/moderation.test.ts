import { resolve } from "node:path";
import { sql } from "kysely";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLE } from "../../lib/audit/table";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { type E2E, screenshotDir, skip, startE2E } from "./server";
import { SOON } from "./fixtures";

/** Moderation flows in real Chromium: a ban from the user page, a filtered revoke, bulk sign-out, the audit log. */
describe.skipIf(skip)("moderation in the browser", () => {
  let e: E2E;
  const shot = (page: Page, name: string) => page.screenshot({ path: resolve(screenshotDir, name), fullPage: true });
  const watchErrors = (page: Page) => {
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    return errors;
  };
  const liveSessions = (by: { userId: string } | { ip: string }) =>
    e.t.d.db
      .selectFrom("session")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("session.expiresAt", ">", new Date())
      .where("userId" in by ? "session.userId" : "session.ipAddress", "=", "userId" in by ? by.userId : by.ip)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const auditRows = (action: string, target?: string) =>
    sql<{ id: string; reason: string | null; actor_email: string }>`
      select id, reason, actor_email from ${sql.id(e.t.schema, AUDIT_TABLE)}
      where action = ${action} ${target ? sql`and target_ids @> array[${target}]::text[]` : sql``}`
      .execute(e.t.raw)
      .then((r) => r.rows);

  beforeAll(async () => {
    e = await startE2E();
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("lets a moderator ban a user from their page", async () => {
    // A regular, unbanned user who is signed in somewhere, so the ban has sessions to end. The seed
    // writes regular users with role "user" or none; which of them hold a live session depends on the
    // day the seed ran (sessions are generated relative to now), so either counts.
    const target = await e.t.d.db
      .selectFrom("user")
      .select(["user.id", "user.email"])
      .where((eb) => eb.or([eb("user.role", "is", null), eb("user.role", "=", "user")]))
      .where("user.banned", "=", false)
      .where((eb) => eb.exists(eb.selectFrom("session").select("session.id").whereRef("session.userId", "=", "user.id").where("session.expiresAt", ">", new Date())))
      .orderBy("user.id")
      .limit(1)
      .executeTakeFirstOrThrow();
    const sessionsBefore = await liveSessions({ userId: target.id });
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await e.signIn(page, "moderator@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users/${encodeURIComponent(target.id)}`);

    // Admin-only actions are not offered to a moderator.
    const actions = page.getByRole("group", { name: "User actions" });
    await expect.poll(() => actions.getByRole("button", { name: "Ban", exact: true }).count(), SOON).toBe(1);
    expect(await actions.getByRole("button", { name: "Delete user" }).count()).toBe(0);
    expect(await actions.getByRole("button", { name: "Change role" }).count()).toBe(0);

    await actions.getByRole("button", { name: "Ban", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: `Ban ${target.email}` });
    await expect.poll(() => dialog.isVisible(), SOON).toBe(true);
    expect(await dialog.textContent()).toContain("all their sessions end now");
    await dialog.getByRole("button", { name: "Spam" }).click();
    await dialog.getByLabel("1 day").check();
    await shot(page, "ban-dialog.png");
    await dialog.getByRole("button", { name: "Ban user" }).click();

    const notice = page.getByRole("status").locator(".notice p");
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toBe(`Banned; ${sessionsBefore} session${sessionsBefore === 1 ? "" : "s"} revoked.`);
    await expect.poll(() => page.locator(".user-header .badge-danger").textContent(), SOON).toBe("Banned");
    await expect.poll(() => actions.getByRole("button", { name: "Unban" }).count(), SOON).toBe(1);
    await shot(page, "user-banned.png");

    const row = await e.t.d.db.selectFrom("user").select(["user.banned", "user.banReason", "user.banExpires"]).where("user.id", "=", target.id).executeTakeFirstOrThrow();
    expect(row.banned).toBe(true);
    expect(row.banReason).toBe("Spam");
    expect(Math.abs((row.banExpires?.getTime() ?? 0) - (Date.now() + 86_400_000))).toBeLessThan(120_000);
    expect(await liveSessions({ userId: target.id })).toBe(0);

    const audit = await auditRows("user.ban", target.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ reason: "Spam", actor_email: "moderator@demo.local" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets an admin revoke every session from one IP after a preview", async () => {
    const busiest = await e.t.d.db
      .selectFrom("session")
      .select((eb) => ["session.ipAddress", eb.fn.countAll<string>().as("n"), eb.fn.count<string>("session.userId").distinct().as("users")])
      .where("session.expiresAt", ">", new Date())
      .where("session.ipAddress", "is not", null)
      .groupBy("session.ipAddress")
      .having((eb) => eb.fn.countAll(), ">=", 2)
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const ip = busiest.ipAddress as string;
    const [sessions, users] = [Number(busiest.n), Number(busiest.users)];

    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
    await page.waitForURL(/\/sessions/);
    await page.getByLabel("IP address or CIDR range").fill(ip);
    await expect.poll(() => new URL(page.url()).searchParams.get("ip"), SOON).toBe(ip);
    // The first page holds up to 50 rows (the default page size).
    await expect.poll(() => page.locator("tbody tr").count(), SOON).toBe(Math.min(sessions, 50));
    await shot(page, "sessions-filtered.png");

    await page.getByRole("button", { name: "Revoke all matching" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Revoke all matching sessions" });
    const s = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    await expect.poll(() => dialog.getByTestId("revoke-preview").textContent(), SOON).toBe(`This ends ${s(sessions, "session")} of ${s(users, "user")}.`);
    await shot(page, "revoke-preview.png");
    await dialog.getByRole("button", { name: `Revoke ${s(sessions, "session")}` }).click();

    await expect.poll(() => page.getByRole("status").locator(".notice p").textContent(), { timeout: 15_000 }).toBe(`${s(sessions, "session")} of ${s(users, "user")} revoked.`);
    await expect.poll(() => page.locator(".table-empty").textContent(), SOON).toContain("No live sessions match");
    expect(await liveSessions({ ip })).toBe(0);
    expect(await auditRows("sessions.revoke.filter")).toHaveLength(1);
    await shot(page, "sessions-revoked.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the audit log to an admin, filtered from a user's page", async () => {
    const [ban] = await auditRows("user.ban");
    const bannedId = (await sql<{ target_ids: string[] }>`select target_ids from ${sql.id(e.t.schema, AUDIT_TABLE)} where id = ${ban?.id}`.execute(e.t.raw)).rows[0]?.target_ids[0];
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users/${encodeURIComponent(bannedId ?? "")}`);
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("target"), SOON).toBe(bannedId);
    // the log's own rows (a row's details hold a table of the changed fields)
    const rows = page.locator("table").first().locator(":scope > tbody > tr");
    await expect.poll(() => rows.count(), SOON).toBe(1);
    // the action in words, its name on hover
    expect(await rows.first().textContent()).toContain("banned");
    expect(await rows.first().locator('[title="user.ban"]').count()).toBe(1);
    expect(await rows.first().textContent()).toContain("moderator@demo.local");
    await rows.first().getByText("Details").click();
    await expect.poll(() => rows.first().locator("pre").first().isVisible(), SOON).toBe(true);
    await shot(page, "audit-log.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets a moderator sign out selected users after a preview, leaving out an unticked one", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await e.signIn(page, "moderator@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    // Regular users only, so no staff protection skips anyone.
    await page.goto(`${e.base}/users?role=user`);
    const boxes = page.locator("tbody input[type=checkbox]");
    await expect.poll(() => boxes.count(), SOON).toBeGreaterThan(3);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await expect.poll(() => bar.textContent(), SOON).toContain("2 users selected");
    await shot(page, "bulk-selected.png");
    await bar.getByRole("button", { name: "Sign out" }).click();

    const dialog = page.getByRole("alertdialog", { name: "Sign users out" });
    await expect.poll(() => dialog.locator(".preview-count").textContent(), SOON).toContain("2 users selected");
    const sample = dialog.locator(".sample-list input[type=checkbox]");
    await expect.poll(() => sample.count(), SOON).toBe(2);
    await sample.nth(1).uncheck();
    await shot(page, "bulk-preview.png");
    await dialog.getByRole("button", { name: "Sign out 1 user" }).click();
    await expect.poll(() => page.getByRole("status").locator(".notice p").textContent(), { timeout: 15_000 }).toMatch(/^Signed out 1 user; \d+ sessions? revoked\.$/);
    await expect.poll(() => bar.count(), SOON).toBe(0);
    expect(await sql`select 1 from ${sql.id(e.t.schema, AUDIT_TABLE)} where action = 'users.bulk.revokeSessions' and target_count = 1`.execute(e.t.raw).then((r) => r.rows.length)).toBe(1);

    // Widening to the filter previews every matching user, not just the page; cancelling changes nothing.
    await boxes.nth(0).check();
    await bar.getByRole("button", { name: "Select everything matching this filter" }).click();
    await expect.poll(() => bar.textContent(), SOON).toContain("Every user matching the current filters is selected");
    await bar.getByRole("button", { name: "Ban", exact: true }).click();
    const banDialog = page.getByRole("alertdialog", { name: "Ban users" });
    // A bulk ban skips users whose ban is in force (reported apart): the count is of the others.
    const matching = await e.t.d.db
      .selectFrom("user")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user.role", "=", "user")
      .where((eb) => eb.not(eb.and([eb("user.banned", "is", true), eb.or([eb("user.banExpires", "is", null), eb("user.banExpires", ">", new Date())])])))
      .executeTakeFirstOrThrow();
    await expect.poll(() => banDialog.locator(".preview-count").textContent(), SOON).toContain(`${Number(matching.n)} users match the current filters`);
    expect(await banDialog.locator(".sample-list li").count()).toBe(10);
    // The ban's own fields come from the admin module's client entry (a lazy chunk): no reason, no ban.
    const confirm = banDialog.getByRole("button", { name: `Ban ${Number(matching.n).toLocaleString("en")} users` });
    expect(await confirm.isDisabled()).toBe(true);
    await banDialog.getByLabel(/^Reason/).fill("e2e check");
    await expect.poll(() => confirm.isEnabled(), SOON).toBe(true);
    expect(await banDialog.getByText("Every session of the banned users ends now.").count()).toBe(1);
    await shot(page, "bulk-filter-preview.png");
    await banDialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => banDialog.count(), SOON).toBe(0);

    // A row menu's Ban… / Unban… opens the admin module's dialog, found through the generated client registry.
    const trigger = page.locator("tbody tr").first().getByRole("button", { name: /^Actions for / });
    const email = (await trigger.getAttribute("aria-label"))?.replace("Actions for ", "") ?? "";
    expect(email).toMatch(/@/);
    await trigger.click();
    const item = page.getByRole("menu").getByRole("menuitem", { name: /^(Ban|Unban)…$/ });
    const verb = ((await item.textContent()) ?? "").replace("…", "").trim();
    await item.click();
    const rowDialog = page.getByRole("alertdialog", { name: `${verb} ${email}` });
    await rowDialog.waitFor();
    await rowDialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => rowDialog.count(), SOON).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
