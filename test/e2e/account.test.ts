import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { listenAppServer } from "../helpers/app-server";
import { createPasswordUser, PASSWORD } from "../helpers/staff";
import { addKim, notice, recoveryEnv, SOON } from "./fixtures";
import { type E2E, screenshotDir, skip, startE2E } from "./server";

/**
 * A support person's account fixes in real Chromium, against the app's own Better Auth over HTTP
 * (APP_AUTH_URL): send a password reset, remove two-factor, fix an email, remove a sign-in method.
 */
describe.skipIf(skip)("account recovery and fixes in the browser", () => {
  let e: E2E;
  let app: Awaited<ReturnType<typeof listenAppServer>>;
  let auth: Awaited<ReturnType<typeof addKim>>;
  const shot = (page: Page, name: string) => page.screenshot({ path: resolve(screenshotDir, name), fullPage: true });

  beforeAll(async () => {
    app = await listenAppServer();
    e = await startE2E(
      async (t) => {
        auth = await addKim(t, app);
      },
      { env: recoveryEnv(app) },
    );
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
    await app?.close();
  });

  it("sends a reset, removes two-factor, fixes the email and removes a sign-in method", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users/e2e_kim`);

    const recovery = page.getByRole("region", { name: "Recovery" });
    await recovery.getByRole("button", { name: "Send password reset" }).click();
    const resetDialog = page.getByRole("dialog", { name: "Send a password reset to kim@customer.test" });
    await resetDialog.getByRole("button", { name: "Send reset email" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toContain("a reset link is on its way to kim@customer.test");
    expect(app.mails.filter((m) => m.kind === "reset").map((m) => m.to)).toEqual(["kim@customer.test"]);

    const fixes = page.getByRole("region", { name: "Account fixes" });
    await fixes.getByRole("button", { name: "Remove two-factor" }).click();
    const twoFactor = page.getByRole("alertdialog", { name: "Remove two-factor from kim@customer.test" });
    await shot(page, "remove-two-factor-dialog.png");
    await twoFactor.getByRole("button", { name: "Remove two-factor" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toContain("Two-factor removed");
    const signIn = (await auth.api.signInEmail({ body: { email: "kim@customer.test", password: PASSWORD } })) as unknown as Record<string, unknown>;
    expect(signIn.twoFactorRedirect).toBeUndefined();

    await fixes.getByRole("button", { name: "Edit profile" }).click();
    const edit = page.getByRole("dialog", { name: "Edit kim@customer.test" });
    await edit.getByLabel("Email").fill("kim.new@customer.test");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toMatch(/^Saved: email/);
    const row = await e.t.d.db.selectFrom("user").select(["user.email", "user.emailVerified"]).where("user.id", "=", "e2e_kim").executeTakeFirstOrThrow();
    expect(row).toEqual({ email: "kim.new@customer.test", emailVerified: false });

    await fixes.getByRole("listitem").filter({ hasText: "Github" }).getByRole("button", { name: "Remove", exact: true }).click();
    await page.getByRole("alertdialog", { name: "Remove Github from kim.new@customer.test" }).getByRole("button", { name: "Remove sign-in method" }).click();
    await expect.poll(() => notice(page).textContent(), { timeout: 15_000 }).toContain("1 way to sign in left");
    // the last one is offered disabled, with the reason
    await expect.poll(() => fixes.getByRole("button", { name: "Remove", exact: true }).isDisabled(), SOON).toBe(true);
    await shot(page, "account-fixes.png");
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skip)("recovery without APP_AUTH_URL", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E(async (t) => createPasswordUser(t.d, { id: "e2e_lee", email: "lee@customer.test", role: "user" }), { env: { APP_AUTH_URL: "" } });
  }, 600_000);
  afterAll(async () => {
    await e?.stop();
  });

  it("shows the recovery actions disabled and says why", async () => {
    const page = await e.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await e.signIn(page, "support@demo.local", DEMO_PASSWORD);
    await page.waitForURL(/\/users/);
    await page.goto(`${e.base}/users/e2e_lee`);
    const recovery = page.getByRole("region", { name: "Recovery" });
    await expect.poll(() => recovery.textContent(), SOON).toContain("APP_AUTH_URL");
    expect(await recovery.getByRole("button", { name: "Send password reset" }).isDisabled()).toBe(true);
  });
});
