import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { downloadCsv, SOON } from "./fixtures";
import { type E2E, skip, startE2E } from "./server";

/** Support desk flows in real Chromium: return after sign-in, no open redirect, paging back, a filtered export, the overview. */
describe.skipIf(skip)("support desk in the browser", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E();
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
  });

  it("returns to the page that was asked for after signing in, with the user in the tab title", async () => {
    const target = await e.t.d.db.selectFrom("user").select(["user.id", "user.email"]).where("user.role", "is", null).orderBy("user.id").limit(1).executeTakeFirstOrThrow();
    const page = await e.browser.newPage();
    await page.goto(`${e.base}/users/${target.id}`);
    await expect.poll(() => new URL(page.url()).searchParams.get("next"), SOON).toBe(`/users/${target.id}`);
    await page.getByLabel("Email").fill("support@demo.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/users/${target.id}$`));
    await expect.poll(() => page.title(), SOON).toContain(target.email);
    await page.close();
  });

  it.each(["//evil.example/users", "https://evil.example/", "/\\evil.example"])("never follows next=%s off the dashboard", async (next) => {
    const page = await e.browser.newPage();
    await page.goto(`${e.base}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill("support@demo.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/overview/);
    expect(new URL(page.url()).origin).toBe(e.base);
    expect(new URL(page.url()).pathname).toBe("/overview");
    await page.close();
  });

  it("pages forward and back, saying where it is", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    const position = page.getByTestId("page-position");
    await expect.poll(() => position.textContent(), SOON).toMatch(/^1–25 of \d/);
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => position.textContent(), SOON).toMatch(/^26–50 of \d/);
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => position.textContent(), SOON).toMatch(/^51–75/);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect.poll(() => position.textContent(), SOON).toMatch(/^26–50/);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect.poll(() => position.textContent(), SOON).toMatch(/^1–25/);
    // the URL is written after the page renders (nuqs batches it): wait for it, as for the text
    await expect.poll(() => new URL(page.url()).searchParams.get("cursor"), SOON).toBeNull();
    await page.close();
  });

  it("exports the filtered list as CSV, with progress, only the filtered rows", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users?verified=false&sort=email&limit=10`);
    const expected = await e.t.d.db.selectFrom("user").select("user.email").where("user.emailVerified", "=", false).orderBy("user.email").execute();
    const { filename, lines } = await downloadCsv(page);
    expect(filename).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]?.startsWith("id,email,name,emailVerified")).toBe(true);
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(expected.map((u) => u.email));
    await expect.poll(() => page.getByTestId("export").textContent(), SOON).toContain(`Exported ${expected.length.toLocaleString("en")} rows`);
    await page.close();
  });

  it("shows the overview with its figures linking to the lists", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    // Signing in with no page asked for lands on the overview, the staff's landing page; so does `/`.
    await e.signIn(page, "admin@demo.local", DEMO_PASSWORD, null);
    await page.waitForURL(/\/overview$/);
    await page.goto(`${e.base}/`);
    await page.waitForURL(/\/overview$/);
    await expect.poll(() => page.getByRole("heading", { name: "Sign-ups per day" }).count(), SOON).toBe(1);
    await expect.poll(() => page.locator('svg[role="img"] rect').count(), SOON).toBe(90);
    // How old the figures are, as a <time> with the read's instant (served from memory at any age).
    const age = page.getByTestId("overview-age");
    expect(await age.evaluate((el) => el.tagName)).toBe("TIME");
    expect(await age.textContent()).toMatch(/^As of (just now|\d+ s ago|\d+ min ago)/);
    expect(Date.parse((await age.getAttribute("datetime")) ?? "")).toBeLessThanOrEqual(Date.now());
    await page.getByRole("link", { name: /Banned/ }).click();
    await page.waitForURL(/status=banned/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
