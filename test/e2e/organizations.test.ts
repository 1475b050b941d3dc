import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { addOrganizations, SOON } from "./fixtures";
import { type E2E, screenshotDir, skip, startE2E } from "./server";

/**
 * An admin's visit to an organization in real Chromium: the Organizations section (the module is on
 * because the app's schema has Better Auth's organization tables), the search, the organization
 * page with its owner, members and invitations, removing a member, the user page's panel, and the
 * audit log's link back to the organization.
 */
describe.skipIf(skip)("organizations in the browser", () => {
  let e: E2E;
  let member: { id: string; email: string };
  let ownerId: string;

  beforeAll(async () => {
    e = await startE2E(async (t) => {
      const org = await addOrganizations(t);
      member = org.member;
      ownerId = org.owner.id;
    });
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("an admin finds an organization, sees its owner, members and invitations, and removes a member", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
    await page.waitForURL(/\/organizations/);

    await page.getByLabel("Name or slug").fill("ZEBRA-e2");
    await expect.poll(() => new URL(page.url()).searchParams.get("q"), SOON).toBe("ZEBRA-e2");
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count(), SOON).toBe(1);
    await page.screenshot({ path: resolve(screenshotDir, "organizations-list.png"), fullPage: true });
    expect(await rows.first().textContent()).toContain("2"); // members
    await page.getByRole("link", { name: "Zebra E2E Works" }).click();
    await page.waitForURL(/\/organizations\/org_e2e/);

    expect(await page.getByTestId("owners").textContent()).not.toContain(member.email);
    const members = page.getByRole("table", { name: "Members" });
    await expect.poll(() => members.locator("tbody tr").count(), SOON).toBe(2);
    expect(await page.getByRole("table", { name: "Pending invitations" }).textContent()).toContain("invited-e2e@example.org");
    await page.screenshot({ path: resolve(screenshotDir, "organization.png"), fullPage: true });

    await members.getByRole("button", { name: `Remove ${member.email}` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Remove ${member.email} from this organization` });
    await dialog.getByRole("button", { name: "Remove member" }).click();
    await expect.poll(() => members.locator("tbody tr").count(), SOON).toBe(1);
    expect(await members.textContent()).not.toContain(member.email);
    const left = await e.t.d.db.selectFrom("member").select("member.id").where("member.organizationId", "=", "org_e2e").execute();
    expect(left.map((m) => m.id)).toEqual(["mem_owner"]);
    expect(e.output()).toContain('"action":"organization.member.remove"');

    // the owner's user page lists the membership; so does the API
    await page.goto(`${e.base}/users/${encodeURIComponent(ownerId)}`);
    await expect.poll(() => page.getByTestId("memberships-panel").textContent(), SOON).toContain("Zebra E2E Works");
    const api = await page.request.get(`${e.base}/api/v1/users/${encodeURIComponent(ownerId)}`);
    const body = (await api.json()) as { memberships: { organizationId: string; roles: string[] }[] };
    expect(body.memberships).toContainEqual(expect.objectContaining({ organizationId: "org_e2e", roles: ["owner"] }));

    // the audit log shows the removal's organization as a link to its page
    await page.goto(`${e.base}/audit`);
    const target = page.getByRole("link", { name: "org_e2e" });
    await expect.poll(() => target.count(), SOON).toBe(1);
    expect(await target.getAttribute("href")).toBe("/organizations/org_e2e");
    await target.click();
    await page.waitForURL(/\/organizations\/org_e2e$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
