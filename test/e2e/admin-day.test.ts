import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOrganizations, FLOW_MS, notice, SOON, signedInPage } from "./fixtures";
import { type E2E, skip, startE2E } from "./server";

/**
 * An admin's day in one flow, in real Chromium: land on the overview, follow a figure to the list
 * behind it (the list's count is the figure), open an organization and change it (a member's role,
 * a pending invitation), then read those actions in the audit log in plain words, with the
 * before/after of the role change.
 */
describe.skipIf(skip)("an admin's day", () => {
  let e: E2E;
  let member: { id: string; email: string };

  beforeAll(async () => {
    e = await startE2E(async (t) => {
      ({ member } = await addOrganizations(t));
    });
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("reads the overview, follows a figure, changes an organization and finds it in the audit log", async () => {
    const { page, errors } = await signedInPage(e, "admin@demo.local", { next: null, landing: /\/overview$/ });

    // 1. The overview's "Banned" figure leads to the banned users, and the list counts as many.
    const figure = page.getByRole("link", { name: /^Banned/ });
    const shown = (await figure.locator("span").nth(1).textContent()) ?? "";
    const banned = await e.t.d.db
      .selectFrom("user")
      .select((b) => b.fn.countAll<string>().as("n"))
      .where("user.banned", "=", true)
      .where((w) => w.or([w("user.banExpires", "is", null), w("user.banExpires", ">", new Date())]))
      .executeTakeFirstOrThrow();
    expect(Number(banned.n)).toBeGreaterThan(0);
    expect(shown).toBe(Number(banned.n).toLocaleString("en"));
    await figure.click();
    await page.waitForURL(/[?&]status=banned/);
    await expect.poll(() => page.getByTestId("page-position").textContent(), SOON).toMatch(new RegExp(` of ${shown}\\b`));
    for (const text of await page.locator("tbody tr").allTextContents()) expect(text).toContain("Banned");

    // 2. An organization: found by search, a member made admin, the pending invitation canceled.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
    await page.waitForURL(/\/organizations/);
    await page.getByLabel("Name or slug").fill("zebra");
    await expect.poll(() => page.locator("tbody tr").count(), SOON).toBe(1);
    await page.getByRole("link", { name: "Zebra E2E Works" }).click();
    await page.waitForURL(/\/organizations\/org_e2e$/);
    const members = page.getByRole("table", { name: "Members" });
    await members.locator("tbody tr", { hasText: member.email }).getByRole("button", { name: "Change role" }).click();
    const roleDialog = page.getByRole("dialog", { name: `Change the role of ${member.email}` });
    await roleDialog.getByLabel("Roles, separated by commas").fill("admin");
    await roleDialog.getByRole("button", { name: "Save role" }).click();
    await expect.poll(() => notice(page).textContent(), SOON).toContain("Role set to “admin”");
    await expect.poll(() => members.locator("tbody tr", { hasText: member.email }).textContent(), SOON).toContain("admin");
    await page.getByRole("button", { name: "Cancel the invitation of invited-e2e@example.org" }).click();
    await page.getByRole("alertdialog", { name: "Cancel the invitation of invited-e2e@example.org" }).getByRole("button", { name: "Cancel invitation" }).click();
    await expect.poll(() => page.getByText("No pending invitation.").count(), SOON).toBe(1);
    const db = e.t.raw.withSchema(e.t.schema);
    expect(await db.selectFrom("member").select("role").where("id", "=", "mem_other").executeTakeFirstOrThrow()).toEqual({ role: "admin" });
    expect(await db.selectFrom("invitation").select("status").where("id", "=", "inv_e2e").executeTakeFirstOrThrow()).toEqual({ status: "canceled" });

    // 3. The audit log, newest first: both actions in words, by this admin, the role's before/after.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit", exact: true }).click();
    await page.waitForURL(/\/audit/);
    const rows = page.locator("table").first().locator(":scope > tbody > tr");
    await expect.poll(() => rows.count(), SOON).toBeGreaterThanOrEqual(2);
    const [cancel, role] = [rows.nth(0), rows.nth(1)];
    expect(await cancel.textContent()).toContain("canceled an invitation to 1 organization");
    expect(await role.textContent()).toContain("changed a member's role in 1 organization");
    for (const row of [cancel, role]) {
      expect(await row.textContent()).toContain("admin@demo.local");
      expect(await row.getByRole("link", { name: "org_e2e" }).getAttribute("href")).toBe("/organizations/org_e2e");
    }
    expect(await role.locator('[title="organization.member.setRole"]').count()).toBe(1);
    await role.getByText("Details").click();
    const change = role.locator("tbody tr", { hasText: /^role/ });
    await expect.poll(() => change.isVisible(), SOON).toBe(true);
    expect(await change.locator("td").allTextContents()).toEqual(["role", '"member"', '"admin"']);
    expect(await role.locator("pre").first().textContent()).toContain(member.email);
    expect(errors).toEqual([]);
    await page.close();
  }, FLOW_MS);
});
