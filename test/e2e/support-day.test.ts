import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenAppServer, pluginApi } from "../helpers/app-server";
import { createPasswordUser } from "../helpers/staff";
import { addKim, downloadCsv, FLOW_MS, KIM, notice, recoveryEnv, SOON, signedInPage } from "./fixtures";
import { type E2E, skip, startE2E } from "./server";

/**
 * A support person's day in one flow, in real Chromium, the app's own Better Auth over HTTP
 * (APP_AUTH_URL): find a customer by search, send a password reset (the mail goes out and its token
 * sets a password), remove two-factor (the app then signs them in with the password alone), fix
 * their email, and export a filtered list whose rows are exactly the filter's.
 */
describe.skipIf(skip)("a support person's day", () => {
  let e: E2E;
  let app: Awaited<ReturnType<typeof listenAppServer>>;
  let auth: Awaited<ReturnType<typeof addKim>>;
  const NEW_PASSWORD = "a brand new passphrase";

  beforeAll(async () => {
    app = await listenAppServer();
    e = await startE2E(
      async (t) => {
        auth = await addKim(t, app);
        // Kim's colleagues, so the export's filter (domain + unverified) has rows to leave out.
        for (const [id, verified] of [["e2e_ana", true], ["e2e_bo", false], ["e2e_cy", false]] as const) {
          await createPasswordUser(t.d, { id, email: `${id.slice(4)}@customer.test`, role: "user" });
          await t.d.db.updateTable("user").set({ emailVerified: verified }).where("user.id", "=", id).execute();
        }
      },
      { env: recoveryEnv(app) },
    );
  }, 600_000);

  afterAll(async () => {
    await e?.stop();
    await app?.close();
  });

  it("finds a customer, sends a reset, removes two-factor, fixes the email, exports a filtered list", async () => {
    const { page, errors } = await signedInPage(e, "support@demo.local", { acceptDownloads: true });

    // 1. Find the customer by a fragment of their address, and open their page.
    const filters = page.getByRole("search", { name: "Filter users" });
    await filters.getByLabel("Search").fill("kim@custom");
    await expect.poll(() => new URL(page.url()).searchParams.get("q"), SOON).toBe("kim@custom");
    await expect.poll(() => page.locator("tbody tr").count(), SOON).toBe(1);
    // No trigram index here: the page says what a search costs (support cannot act on it: no doctor).
    await expect.poll(() => page.getByTestId("index-hint").textContent(), SOON).toMatch(/^≈ [\d.]+ m?s per search without the trigram index on email and name\.$/);
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/users/${KIM.id}$`));
    await expect.poll(() => page.title(), SOON).toContain(KIM.email);

    // 2. A password reset, sent by the app's own Better Auth; the mailed token sets a new password.
    await page.getByRole("region", { name: "Recovery" }).getByRole("button", { name: "Send password reset" }).click();
    await page.getByRole("dialog", { name: `Send a password reset to ${KIM.email}` }).getByRole("button", { name: "Send reset email" }).click();
    await expect.poll(() => notice(page).textContent(), SOON).toContain(`a reset link is on its way to ${KIM.email}`);
    const mails = app.mails.filter((m) => m.kind === "reset");
    expect(mails.map((m) => m.to)).toEqual([KIM.email]);
    expect(decodeURIComponent(mails[0]?.url ?? "")).toContain(`${app.origin}/reset-password`);
    await auth.api.resetPassword({ body: { token: mails[0]?.token ?? "", newPassword: NEW_PASSWORD } });
    // Two-factor still on: the new password alone is not enough yet.
    const before = (await auth.api.signInEmail({ body: { email: KIM.email, password: NEW_PASSWORD } })) as unknown as Record<string, unknown>;
    expect(before.twoFactorRedirect).toBe(true);

    // 3. Remove two-factor: the app now signs Kim in with the password alone.
    const fixes = page.getByRole("region", { name: "Account fixes" });
    await fixes.getByRole("button", { name: "Remove two-factor" }).click();
    await page.getByRole("alertdialog", { name: `Remove two-factor from ${KIM.email}` }).getByRole("button", { name: "Remove two-factor" }).click();
    await expect.poll(() => notice(page).textContent(), SOON).toContain("Two-factor removed");
    const after = (await auth.api.signInEmail({ body: { email: KIM.email, password: NEW_PASSWORD } })) as unknown as Record<string, unknown>;
    expect(after.twoFactorRedirect).toBeUndefined();
    expect((after.user as { email: string }).email).toBe(KIM.email);
    // …and can enrol again (the plugin's rows are gone, not half-kept).
    const again = await auth.api.signInEmail({ body: { email: KIM.email, password: NEW_PASSWORD }, returnHeaders: true });
    const cookie = again.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const enrol = await pluginApi(auth).enableTwoFactor({ body: { password: NEW_PASSWORD }, headers: new Headers({ cookie }) });
    expect(enrol.totpURI).toMatch(/^otpauth:\/\//);

    // 4. Fix the email: it becomes unverified, as support did not say otherwise.
    await fixes.getByRole("button", { name: "Edit profile" }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${KIM.email}` });
    await edit.getByLabel("Email").fill("kim.fixed@customer.test");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => notice(page).textContent(), SOON).toMatch(/^Saved: email/);
    expect(await e.t.d.db.selectFrom("user").select(["user.email", "user.emailVerified"]).where("user.id", "=", KIM.id).executeTakeFirstOrThrow()).toEqual({
      email: "kim.fixed@customer.test",
      emailVerified: false,
    });
    // The app signs Kim in at the fixed address.
    const fixed = (await auth.api.signInEmail({ body: { email: "kim.fixed@customer.test", password: NEW_PASSWORD } })) as unknown as Record<string, unknown>;
    expect((fixed.user as { id: string }).id).toBe(KIM.id);

    // 5. Export a filtered list: the customer's domain, unverified only, chosen in the toolbar.
    await page.goto(`${e.base}/users`);
    await filters.getByLabel("Search").fill("@customer.test");
    await expect.poll(() => new URL(page.url()).searchParams.get("q"), SOON).toBe("@customer.test");
    await filters.getByRole("button", { name: "Email", exact: true }).click();
    await page.getByRole("option", { name: "Unverified" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("verified"), SOON).toBe("false");
    await expect.poll(() => page.locator("tbody tr").count(), SOON).toBe(3);
    const { filename, lines } = await downloadCsv(page);
    expect(filename).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(lines[0]?.startsWith("id,email,name,emailVerified")).toBe(true);
    const expected = await e.t.d.db
      .selectFrom("user")
      .select(["user.id", "user.email"])
      .where("user.email", "like", "%@customer.test")
      .where("user.emailVerified", "=", false)
      .orderBy("user.createdAt", "desc")
      .orderBy("user.id", "desc")
      .execute();
    expect(expected.map((u) => u.email).sort()).toEqual(["bo@customer.test", "cy@customer.test", "kim.fixed@customer.test"]);
    const exported = lines.slice(1).map((l) => l.split(","));
    expect(exported.map(([id, email]) => ({ id, email }))).toEqual(expected);
    for (const row of exported) expect(row[3]).toBe("false");
    await expect.poll(() => page.getByTestId("export").textContent(), SOON).toContain("Exported 3 rows");

    // Every step is in the audit trail under the support person's name.
    const out = e.output();
    for (const action of ["user.passwordReset", "user.twoFactor.disable", "user.update"]) expect(out).toContain(`"action":"${action}"`);
    expect(errors).toEqual([]);
    await page.close();
  }, FLOW_MS);
});
