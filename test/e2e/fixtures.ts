import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { migrateAppSchema } from "../../lib/db/migrate";
import { seedOrganizations } from "../../lib/seed/organizations";
import { DEMO_PASSWORD } from "../../lib/seed/staff";
import { enrolTwoFactor, type listenAppServer } from "../helpers/app-server";
import type { TestDb } from "../helpers/db";
import { createPasswordUser, PASSWORD } from "../helpers/staff";
import type { E2E } from "./server";

/**
 * Data and page helpers the browser flows share (account fixes, the support desk, organizations, the
 * whole-day flows), so each file states its flow and not its set-up.
 */

type AppServer = Awaited<ReturnType<typeof listenAppServer>>;

/** The customer whose account support fixes: a password, a GitHub sign-in, TOTP enrolled in the app. */
export const KIM = { id: "e2e_kim", email: "kim@customer.test" } as const;

/** The dashboard's env for recovery through the app's own Better Auth (APP_AUTH_URL). */
export const recoveryEnv = (app: AppServer) => ({ APP_AUTH_URL: app.url, APP_PASSWORD_RESET_REDIRECT: `${app.origin}/reset-password` });

/**
 * Attaches the app's Better Auth (admin, username, two-factor) to the test schema and creates KIM
 * the way the app would have: password account, a linked GitHub account, TOTP enrolled through the
 * plugin's own endpoints. Returns the app's auth instance (to sign in as the app would).
 */
export async function addKim(t: TestDb, app: AppServer) {
  const auth = app.attach(t, ["admin", "username", "twoFactor"]);
  await createPasswordUser(t.d, { id: KIM.id, email: KIM.email, role: "user" });
  const now = new Date();
  await t.d.db.insertInto("account").values({ id: "gh_kim", userId: KIM.id, providerId: "github", accountId: "gh-kim", createdAt: now, updatedAt: now }).execute();
  await enrolTwoFactor(auth, KIM.email, PASSWORD);
  return auth;
}

/** Turns the organization module on (its tables), seeds demo organizations and one known one, "Zebra E2E Works". */
export async function addOrganizations(t: TestDb): Promise<{ owner: { id: string; email: string }; member: { id: string; email: string } }> {
  await migrateAppSchema(t.raw, t.naming, ["admin", "username", "twoFactor", "organization"]);
  await seedOrganizations(t.raw, t.naming, { seed: 7 });
  const [owner, member] = await t.d.db.selectFrom("user").select(["user.id", "user.email"]).where("user.role", "is", null).orderBy("user.id").limit(2).execute();
  if (!owner || !member) throw new Error("the seed has no plain users");
  const now = new Date();
  const db = t.raw.withSchema(t.schema);
  await db.insertInto("organization").values({ id: "org_e2e", name: "Zebra E2E Works", slug: "zebra-e2e", createdAt: now }).execute();
  await db.insertInto("member").values([
    { id: "mem_owner", organizationId: "org_e2e", userId: owner.id, role: "owner", createdAt: now },
    { id: "mem_other", organizationId: "org_e2e", userId: member.id, role: "member", createdAt: now },
  ]).execute();
  await db.insertInto("invitation").values({
    id: "inv_e2e", organizationId: "org_e2e", email: "invited-e2e@example.org", role: "member", status: "pending", expiresAt: new Date(now.getTime() + 86_400_000), createdAt: now, inviterId: owner.id,
  }).execute();
  return { owner, member };
}

/** The page's uncaught errors, collected from now on (a flow ends by expecting none). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

/**
 * How a flow starts: a new page, its uncaught errors collected (a flow ends by expecting none), signed
 * in through the form as a seeded staff member (the demo password) and landed: on `next` (default
 * /users, as E2E.signIn), or on the staff's landing page with `next: null`, matched by `landing`.
 */
export async function signedInPage(e: E2E, email: string, opts: { next?: string | null; landing?: RegExp; acceptDownloads?: boolean } = {}) {
  const page = await e.browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: opts.acceptDownloads ?? false });
  const errors = watchErrors(page);
  await e.signIn(page, email, DEMO_PASSWORD, opts.next);
  await page.waitForURL(opts.landing ?? /\/users/);
  return { page, errors };
}

/** The text of the newest toast. */
export const notice = (page: Page) => page.getByRole("status").locator("p").first();

/** Clicks the toolbar's "Export CSV" and reads the finished download: its name and its CRLF lines. */
export async function downloadCsv(page: Page): Promise<{ filename: string; lines: string[] }> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  const text = await readFile((await file.path()) ?? "", "utf8");
  return { filename: file.suggestedFilename(), lines: text.trimEnd().split("\r\n") };
}

/** How long a step may take to show (a loaded 2-core machine renders slowly; expect.poll's default is 1 s). */
export const SOON = { timeout: 15_000 } as const;
/** A whole day's flow: many steps, each a server round trip or more. */
export const FLOW_MS = 180_000;
