import { resolve } from "node:path";
import { sql } from "kysely";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TABLE } from "../../lib/audit/table";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { computeSpam } from "../../lib/spam/engine";
import { type E2E, screenshotDir, skip, startE2E } from "./server";
import { SOON } from "./fixtures";

/**
 * Spam review in real Chromium on a seeded database big enough for the generator's spam waves:
 * the queue, a wave's page and its bulk ban, banning ticked queue rows, "not spam" and its undo, and
 * the scores on the users pages.
 */
describe.skipIf(skip)("spam review in the browser", () => {
  let e: E2E;
  // Dialogs are shot in the viewport (a full-page shot scrolls the modal out of its frame).
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: resolve(screenshotDir, name), fullPage });
  const watchErrors = (page: Page) => {
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    return errors;
  };
  const notice = (page: Page) => page.getByRole("status").locator(".notice p");
  const auditRows = (action: string) =>
    sql<{ reason: string | null; target_ids: string[] }>`select reason, target_ids from ${sql.id(e.t.schema, AUDIT_TABLE)} where action = ${action}`
      .execute(e.t.raw)
      .then((r) => r.rows);
  const signInModerator = async (page: Page) => {
    await e.signIn(page, "moderator@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
  };

  beforeAll(async () => {
    e = await startE2E(
      async (t) => {
        // The flows below need a wave; fail here, with the reason, rather than on a missing link.
        const result = await computeSpam(t.d);
        if (result.waves.length === 0) throw new Error(`the seed produced no spam wave (${result.stats.flagged} flagged)`);
      },
      { users: 3000 },
    );
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("lets a moderator review a wave and ban it, leaving out an unticked member", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await signInModerator(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Spam" }).click();
    await page.waitForURL(/\/spam$/);
    const signals = page.getByRole("region", { name: "Signals" });
    await expect.poll(() => signals.textContent(), { timeout: 30_000 }).toContain("Throwaway email provider");
    expect(await page.getByTestId("spam-age").textContent()).toMatch(/^Scored (just now|\d+ min ago)/);
    const waves = page.getByRole("table", { name: "Waves" });
    const firstWave = waves.locator("tbody tr").first().locator("a.wave-link");
    const label = (await firstWave.textContent()) ?? "";
    expect(label.length).toBeGreaterThan(0);
    await shot(page, "spam-queue.png");

    await firstWave.click();
    await page.waitForURL(/\/spam\/waves\//);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), SOON).toBe(label);
    await expect.poll(() => page.getByRole("region", { name: "Sign-ups over time" }).count(), SOON).toBe(1);
    await shot(page, "spam-wave.png");
    // On a 390 px phone the wave's page (timeline, member table) is no wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "phone-spam-wave.png");
    await page.setViewportSize({ width: 1400, height: 900 });

    await page.getByRole("group", { name: "Wave actions" }).getByRole("button", { name: "Ban this wave" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Ban wave ${label}` });
    const boxes = dialog.getByRole("list", { name: "Wave members" }).locator("input[type=checkbox]");
    await expect.poll(() => boxes.count(), SOON).toBeGreaterThan(2);
    const members = await boxes.count();
    // Members already banned are skipped and keep their bans: the ban counts the others.
    const items = dialog.getByRole("list", { name: "Wave members" }).locator("li");
    const isBanned = page.locator(".badge", { hasText: /^Banned$/ });
    const bannedEmails = (await items.filter({ has: isBanned }).locator("label").allTextContents()).map((s) => s.trim());
    const toBan = members - bannedEmails.length;
    const preview = dialog.getByTestId("wave-ban-preview");
    await expect.poll(() => preview.textContent(), SOON).toContain(`${toBan} users of this wave will be banned`);
    expect(await dialog.getByLabel(/^Reason/).inputValue()).toBe(`spam wave: ${label}`);
    // A real person caught in the wave: left out of the ban.
    const spared = items.filter({ hasNot: isBanned }).last();
    const sparedEmail = ((await spared.locator("label").textContent()) ?? "").trim();
    await spared.locator("input[type=checkbox]").uncheck();
    await expect.poll(() => preview.textContent(), SOON).toContain(`${toBan - 1} users of this wave will be banned`);
    const emails = (await dialog.locator(".sample-list li label").allTextContents()).map((s) => s.trim()).filter((s) => s !== sparedEmail);
    await shot(page, "spam-wave-ban.png", false);
    await dialog.getByRole("button", { name: `Ban ${toBan - 1} users` }).click();

    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^Banned ${toBan - 1} users; \\d+ sessions? revoked\\.`));
    const memberTable = page.getByRole("table", { name: "Wave members" });
    await expect.poll(() => memberTable.locator(".badge", { hasText: /^Banned$/ }).count(), SOON).toBe(members - 1);
    // The cached result was patched, not recomputed: the spared member is the only one left.
    await expect.poll(() => page.getByTestId("wave-left").textContent(), SOON).toBe(`1 of ${members} members left to review.`);
    await shot(page, "spam-wave-banned.png");

    const rows = await e.t.d.db.selectFrom("user").select(["user.email", "user.banned", "user.banReason"]).where("user.email", "in", [...emails, sparedEmail]).execute();
    expect(rows).toHaveLength(members);
    for (const r of rows) {
      if (r.email === sparedEmail) expect(r.banned).not.toBe(true);
      else if (bannedEmails.includes(r.email)) expect(r).toMatchObject({ banned: true, banReason: expect.not.stringMatching(/^spam wave: /) });
      else expect(r).toMatchObject({ banned: true, banReason: `spam wave: ${label}` });
    }
    const audit = await auditRows("users.bulk.ban");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.reason).toMatch(/^spam wave: /);
    expect(audit[0]?.target_ids).toHaveLength(toBan - 1);

    // Ban the last one: the wave says nobody is left, offers no action, and leaves the queue's waves.
    await page.getByRole("group", { name: "Wave actions" }).getByRole("button", { name: "Ban this wave" }).click();
    const last = page.getByRole("alertdialog", { name: `Ban wave ${label}` });
    await expect.poll(() => last.getByTestId("wave-ban-preview").textContent(), SOON).toContain("1 user of this wave will be banned");
    await last.getByRole("button", { name: "Ban 1 user" }).click();
    await expect.poll(() => page.getByTestId("wave-handled").textContent(), { timeout: 15_000 }).toContain("Nobody left to review in this wave.");
    expect(await page.getByRole("group", { name: "Wave actions" }).count()).toBe(0);
    await shot(page, "spam-wave-handled.png");
    await page.goto(`${e.base}/spam`);
    const wavesSection = page.getByRole("region", { name: "Waves" });
    await expect.poll(() => wavesSection.textContent(), { timeout: 30_000 }).toMatch(/\d+ handled waves? hidden/);
    expect(await wavesSection.locator("a.wave-link").allTextContents()).not.toContain(label);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("bans ticked rows of the queue through the preview, and they leave the queue at once", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await signInModerator(page);
    await page.goto(`${e.base}/spam`);
    const queue = page.getByRole("table", { name: "Flagged accounts" });
    const rows = queue.locator("tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(6);
    // Signals folded, top reasons per row: more than five accounts fit in one screen.
    expect(await page.getByRole("region", { name: "Signals" }).locator("details").getAttribute("open")).toBe(null);
    const top = await rows.nth(0).boundingBox();
    const sixth = await rows.nth(5).boundingBox();
    expect(top && sixth ? sixth.y + sixth.height - top.y : Number.POSITIVE_INFINITY).toBeLessThan(900);
    // Every row shows the score with its age: the same component as the user page.
    expect(await rows.nth(0).getByTestId("spam-score").textContent()).toMatch(/scored (just now|\d+ min ago)/);

    const boxes = queue.locator("tbody input[type=checkbox]");
    const emails: string[] = [];
    for (const i of [0, 1]) {
      const box = boxes.nth(i);
      emails.push(((await box.getAttribute("aria-label")) ?? "").replace(/^Select /, ""));
      await box.check();
    }
    const bar = page.getByRole("region", { name: "Selected accounts" });
    expect(await bar.textContent()).toContain("2 accounts selected");
    await bar.getByRole("button", { name: "Ban selected" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Ban users" });
    await expect.poll(() => dialog.locator(".preview-count").textContent(), { timeout: 15_000 }).toContain("2 users selected");
    await dialog.getByLabel(/^Reason/).fill("spam from the review queue");
    await shot(page, "spam-queue-ban.png", false);
    await dialog.getByRole("button", { name: "Ban 2 users" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toMatch(/^Banned 2 users; /);
    // No reload, no recomputation: the revalidated page reads the patched result.
    await expect.poll(async () => {
      const text = (await queue.textContent()) ?? "";
      return emails.filter((m) => text.includes(m));
    }, { timeout: 15_000 }).toEqual([]);
    const audit = (await auditRows("users.bulk.ban")).filter((r) => r.reason === "spam from the review queue");
    expect(audit.map((r) => r.target_ids.length)).toEqual([2]);
    await shot(page, "spam-queue-after-ban.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("takes an account out of the queue when a moderator says it is not spam", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await signInModerator(page);
    await page.goto(`${e.base}/spam`);
    const queue = page.getByRole("table", { name: "Flagged accounts" });
    const button = queue.getByRole("button", { name: /^Not spam: / }).first();
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    const email = ((await button.getAttribute("aria-label")) ?? "").replace(/^Not spam: /, "");
    await button.click();
    const dialog = page.getByRole("dialog", { name: `Not spam: ${email}` });
    await dialog.getByLabel(/^Note/).fill("customer confirmed by phone");
    await shot(page, "spam-not-spam.png", false);
    await dialog.getByRole("button", { name: "Mark as not spam" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toBe("1 account marked as not spam; it leaves the review queue.");

    await page.reload();
    await expect.poll(() => queue.locator("tbody tr").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await queue.textContent()).not.toContain(email);
    const cleared = await auditRows("spam.clear");
    expect(cleared).toHaveLength(1);
    expect(cleared[0]?.reason).toBe("customer confirmed by phone");

    // The user page says so, and offers no second "Not spam".
    await page.goto(`${e.base}/users/${encodeURIComponent(cleared[0]?.target_ids[0] ?? "")}`);
    const panel = page.getByTestId("spam-panel");
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain("Marked as not spam");
    // React reveals streamed boundaries in batches: wait for it before the screenshot.
    await expect.poll(() => panel.isVisible(), SOON).toBe(true);
    expect(await panel.getByRole("button", { name: /Not spam/ }).count()).toBe(0);
    await shot(page, "spam-user-cleared.png");
    // …and the decision can be undone: audited, and the account is flagged again.
    await panel.getByRole("button", { name: `Undo not spam: ${email}` }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toBe("Back in the review queue: the account is flagged again.");
    await expect.poll(() => panel.getByRole("button", { name: `Not spam: ${email}` }).count(), { timeout: 15_000 }).toBe(1);
    expect((await auditRows("spam.unclear")).map((r) => r.target_ids)).toEqual([cleared[0]?.target_ids]);
    await page.goto(`${e.base}/spam`);
    await expect.poll(() => queue.textContent(), { timeout: 30_000 }).toContain(email);

    // The toast after "Not spam" undoes it too.
    await queue.getByRole("button", { name: `Not spam: ${email}` }).click();
    await page.getByRole("dialog", { name: `Not spam: ${email}` }).getByRole("button", { name: "Mark as not spam" }).click();
    await expect.poll(async () => (await queue.textContent())?.includes(email), { timeout: 15_000 }).toBe(false);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toBe("1 account back in the review queue.");
    await expect.poll(async () => (await queue.textContent())?.includes(email), { timeout: 15_000 }).toBe(true);
    expect(await auditRows("spam.unclear")).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows flagged users sorted by score, scores on the users list and a 404 for an old wave key", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await signInModerator(page);
    await page.getByRole("button", { name: "Flagged", exact: true }).click();
    await page.getByRole("option", { name: /^Flagged for review/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("flagged"), SOON).toBe("review");
    // The toolbar switches at once; the rows are the server's, once its header says so.
    await expect.poll(() => page.locator(".page-header .count").textContent(), { timeout: 30_000 }).toContain("Flagged by the spam score");
    const table = page.getByRole("table", { name: "Users" });
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.locator(".flagged-note").textContent()).toContain("Sorted by spam score");
    const scores = (await table.locator(".score").allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await shot(page, "spam-flagged-users.png");

    // The plain list shows the cached scores as a column without starting a scoring of its own.
    await page.getByRole("link", { name: "Show all users" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("flagged"), SOON).toBe(null);
    await expect.poll(() => table.locator("th").allTextContents(), SOON).toContain("Spam score");
    await shot(page, "spam-users-score-column.png");

    // "Recompute" scores again, then lands on the plain URL (a reload must not recompute again).
    await page.goto(`${e.base}/spam?minScore=60`);
    await page.getByRole("link", { name: "Recompute" }).click();
    await expect.poll(() => new URL(page.url()).search, { timeout: 30_000 }).toBe("?minScore=60");
    await expect.poll(() => page.getByTestId("spam-age").textContent(), { timeout: 30_000 }).toMatch(/^Scored just now/);

    // A key with "/" (a network wave) still reaches the wave route, encoded as one segment.
    const gone = await page.goto(`${e.base}/spam/waves/${encodeURIComponent("subnet-week:185.3.4.0/24@2026-01-05")}`);
    expect(gone?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { name: "Wave not found" }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.locator("main").textContent()).toContain("recomputed every few minutes");
    // inside the dashboard layout, with the way back
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Back to the spam queue" }).getAttribute("href")).toBe("/spam");
    await shot(page, "spam-wave-not-found.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("scores the window the moderator picks, and a wave's link keeps it", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await signInModerator(page);
    await page.goto(`${e.base}/spam`);
    const windows = page.getByRole("navigation", { name: "Scored sign-ups" });
    await expect.poll(() => windows.getByRole("link", { name: "30 days" }).getAttribute("aria-current"), { timeout: 60_000 }).toBe("page");
    await windows.getByRole("link", { name: "Everyone" }).click();
    await page.waitForURL(/\/spam\?since=all$/, { timeout: 120_000 });
    await expect.poll(() => page.getByTestId("spam-age").textContent(), { timeout: 120_000 }).toContain("(everyone)");
    expect(await windows.getByRole("link", { name: "Everyone" }).getAttribute("aria-current")).toBe("page");
    // The level links keep the window.
    expect(await page.getByRole("navigation", { name: "Score level" }).getByRole("link").first().getAttribute("href")).toBe("/spam?since=all");
    const firstWave = page.getByRole("table", { name: "Waves" }).locator("tbody tr").first().locator("a.wave-link");
    expect(await firstWave.getAttribute("href")).toMatch(/\?since=all$/);
    const label = (await firstWave.textContent()) ?? "";
    await firstWave.click();
    await page.waitForURL(/\/spam\/waves\/.+\?since=all$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), SOON).toBe(label);
    // Back to the queue lands in the same window.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Spam" }).click();
    await page.waitForURL(/\/spam\?since=all$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Without the audit table a "not spam" decision has nowhere to live: the UI says so instead of failing. */
describe.skipIf(skip)("spam review without the audit table", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E((t) => sql`drop table ${sql.id(t.schema, AUDIT_TABLE)}`.execute(t.raw).then(() => {}));
  }, 300_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("explains why there is no Not spam button", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await e.signIn(page, "moderator@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/spam`);
    const note = page.getByTestId("audit-missing");
    await expect.poll(() => note.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await note.textContent()).toContain("npm run audit:install");
    expect(await page.getByRole("button", { name: /Not spam/ }).count()).toBe(0);
    await page.screenshot({ path: resolve(screenshotDir, "spam-no-audit.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});
