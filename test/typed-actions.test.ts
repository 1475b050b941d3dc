import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actions } from "../lib/actions/registry";
import { installAuditTable } from "../lib/audit/table";
import { AUDIT_TABLE } from "../lib/db/app-tables";
import { listenAppServer } from "./helpers/app-server";
import { createTestDb, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * Every `*.action.ts` server action, called as the dashboard calls it, on a real database with real
 * Better Auth sessions: the staff check, the permission, the runner and the audit row all run for
 * real. Only Next's request-context accessors are provided by the test (there is no Next request
 * here): `headers()` returns the request's headers with the session cookie, `cookies()` and
 * `revalidatePath` record what the action set.
 */
const request = vi.hoisted(() => ({ headers: new Headers(), cookiesSet: [] as string[], revalidated: [] as string[] }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: (name: string) => void request.cookiesSet.push(name), get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void request.revalidated.push(p) }));

const BASE = "http://localhost:3000";
const LIB = resolve(__dirname, "../lib");
type Who = "anonymous" | "demoted" | "support" | "moderator" | "admin";
type Result = { ok: true; data: { scopeToken?: string } } | { ok: false; error: { code: string; message: string } };
type ActionFn = (input?: unknown) => Promise<Result>;

/** Every exported function of every *.action.ts file under lib/, by export name. */
function actionExports(): { file: string; name: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".action.ts") ? [join(dir, e.name)] : []));
  return walk(LIB).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => ({ file: relative(LIB, file), name: m[1] as string })),
  );
}

let t: TestDb;
let app: Awaited<ReturnType<typeof listenAppServer>>;
const cookies: Partial<Record<Who, string>> = {};
let seq = 0;

/** A fresh target user (optionally banned) with one live session, so no case depends on another. */
async function target(opts: { banned?: boolean; userAgent?: string } = {}) {
  const id = `ta_user_${++seq}`;
  const now = new Date();
  await t.d.db
    .insertInto("user")
    .values({ id, name: id, email: `${id}@target.test`, emailVerified: false, image: null, createdAt: now, updatedAt: now, role: "user", ...(opts.banned ? { banned: true, banReason: "t", banExpires: null } : {}) })
    .execute();
  await t.d.db
    .insertInto("session")
    .values({ id: `${id}_s`, userId: id, token: `${id}_tok`, ipAddress: "192.0.2.1", userAgent: opts.userAgent ?? "vitest-target", createdAt: now, updatedAt: now, expiresAt: new Date(now.getTime() + 86_400_000) })
    .execute();
  return { id, email: `${id}@target.test`, sessionId: `${id}_s` };
}

/** A fresh organization: an owner, a plain member and a pending invitation, each a fresh id. */
async function orgTarget() {
  const n = ++seq;
  const owner = await target();
  const other = await target();
  const now = new Date();
  const org = `ta_org_${n}`;
  await t.d.db.insertInto("organization").values({ id: org, name: `Org ${n}`, slug: `org-${n}`, logo: null, metadata: null, createdAt: now }).execute();
  await t.d.db.insertInto("member").values([
    { id: `${org}_owner`, organizationId: org, userId: owner.id, role: "owner", createdAt: now },
    { id: `${org}_member`, organizationId: org, userId: other.id, role: "member", createdAt: now },
  ]).execute();
  await t.d.db.insertInto("invitation").values({
    id: `${org}_inv`, organizationId: org, email: `inv${n}@target.test`, role: "member", teamId: null, status: "pending", expiresAt: new Date(now.getTime() + 86_400_000), createdAt: now, inviterId: owner.id,
  }).execute();
  return { org, member: `${org}_member`, invitation: `${org}_inv` };
}

/**
 * One case per action export: the least role allowed (its permission's grant), a signed-in staff
 * member who lacks the permission (a lesser role, or for support's permissions a support member
 * demoted to a plain user after signing in), and a valid input built fresh for each run.
 */
const cases: Record<string, { allowed: Who; denied: Who; audited: boolean; input: (who: Who) => Promise<unknown> }> = {
  banUserAction: { allowed: "moderator", denied: "support", audited: true, input: async () => ({ userId: (await target()).id, reason: "typed action test" }) },
  unbanUserAction: { allowed: "moderator", denied: "support", audited: true, input: async () => ({ userId: (await target({ banned: true })).id }) },
  verifyEmailAction: { allowed: "support", denied: "demoted", audited: true, input: async () => ({ userId: (await target()).id }) },
  setRoleAction: { allowed: "admin", denied: "moderator", audited: true, input: async () => ({ userId: (await target()).id, role: "user,beta" }) },
  deleteUserAction: {
    allowed: "admin", denied: "moderator", audited: true,
    input: async () => {
      const u = await target();
      return { userId: u.id, confirm: u.email };
    },
  },
  revokeUserSessionsAction: { allowed: "support", denied: "demoted", audited: true, input: async () => ({ userId: (await target()).id }) },
  revokeSessionAction: {
    allowed: "support", denied: "demoted", audited: true,
    input: async () => {
      const u = await target();
      return { sessionId: u.sessionId, userId: u.id };
    },
  },
  bulkUsersAction: { allowed: "moderator", denied: "support", audited: true, input: async () => ({ action: "revokeSessions", ids: [(await target()).id, (await target()).id] }) },
  removeMemberAction: {
    allowed: "moderator", denied: "support", audited: true,
    input: async () => {
      const o = await orgTarget();
      return { organizationId: o.org, memberId: o.member };
    },
  },
  setMemberRoleAction: {
    allowed: "moderator", denied: "support", audited: true,
    input: async () => {
      const o = await orgTarget();
      return { organizationId: o.org, memberId: o.member, role: "admin" };
    },
  },
  cancelInvitationAction: {
    allowed: "moderator", denied: "support", audited: true,
    input: async () => {
      const o = await orgTarget();
      return { organizationId: o.org, invitationId: o.invitation };
    },
  },
  clearSpamAction: { allowed: "moderator", denied: "support", audited: true, input: async () => ({ userIds: [(await target()).id] }) },
  revokeFilteredSessionsAction: {
    allowed: "moderator", denied: "support", audited: true,
    // The confirmation carries the preview's token, which is bound to the staff member who previewed.
    input: async (who) => {
      const userAgent = `ta-agent-${++seq}`;
      await target({ userAgent });
      const filter = { userAgent };
      return { filter, scopeToken: await previewToken(who, "previewRevokeFilterAction", { filter }) };
    },
  },
  previewBulkAction: { allowed: "moderator", denied: "support", audited: false, input: async () => ({ action: "ban", filter: { q: "target.test" } }) },
  previewRevokeFilterAction: { allowed: "moderator", denied: "support", audited: false, input: async () => ({ filter: { userAgent: "vitest-target" } }) },
  previewRevokeAllAction: { allowed: "admin", denied: "moderator", audited: false, input: async () => undefined },
  // added on main by the spam-queue merge without a case here (the test failed on main for it)
  unclearSpamAction: { allowed: "moderator", denied: "support", audited: true, input: async () => ({ userIds: [(await target()).id] }) },
  // Issue 11's account actions; the recovery emails go to the app's own Better Auth over HTTP (APP_AUTH_URL).
  sendPasswordResetAction: { allowed: "support", denied: "demoted", audited: true, input: async () => ({ userId: (await target()).id }) },
  sendVerificationEmailAction: { allowed: "support", denied: "demoted", audited: true, input: async () => ({ userId: (await target()).id }) },
  updateUserAction: { allowed: "support", denied: "demoted", audited: true, input: async () => ({ userId: (await target()).id, name: "Fixed Name" }) },
  unlinkAccountAction: {
    allowed: "support", denied: "demoted", audited: true,
    input: async () => {
      const u = await target();
      const now = new Date();
      await t.d.db.insertInto("account").values([
        { id: `${u.id}_pw`, userId: u.id, providerId: "credential", accountId: u.id, createdAt: now, updatedAt: now },
        { id: `${u.id}_gh`, userId: u.id, providerId: "github", accountId: `gh-${u.id}`, createdAt: now, updatedAt: now },
      ]).execute();
      return { userId: u.id, accountId: `${u.id}_gh` };
    },
  },
  disableTwoFactorAction: {
    allowed: "support", denied: "demoted", audited: true,
    input: async () => {
      const u = await target();
      await t.d.db.updateTable("user").set({ twoFactorEnabled: true }).where("user.id", "=", u.id).execute();
      return { userId: u.id };
    },
  },
  removePasskeyAction: {
    allowed: "support", denied: "demoted", audited: true,
    input: async () => {
      const u = await target();
      const now = new Date();
      await t.d.db.insertInto("account").values({ id: `${u.id}_pw`, userId: u.id, providerId: "credential", accountId: u.id, createdAt: now, updatedAt: now }).execute();
      await t.d.db.insertInto("passkey").values({ id: `${u.id}_pk`, name: "phone", publicKey: "pub", userId: u.id, credentialID: `cred-${u.id}`, counter: 0, deviceType: "multiDevice", backedUp: true, transports: null, createdAt: now, aaguid: null }).execute();
      return { userId: u.id, passkeyId: `${u.id}_pk` };
    },
  },
  // Last: it ends other staff members' sessions too (an admin may), which the cases above need.
  revokeAllSessionsAction: {
    allowed: "admin", denied: "moderator", audited: true,
    input: async (who) => {
      await target();
      return { confirm: "REVOKE ALL", scopeToken: await previewToken(who, "previewRevokeAllAction", undefined) };
    },
  },
};

const fns: Record<string, ActionFn> = {};
const auditCount = async () => Number((await sql<{ n: string }>`select count(*) as n from ${sql.id(t.schema, AUDIT_TABLE)}`.execute(t.raw)).rows[0]?.n);
const auditLast = async () => (await sql<{ action: string }>`select action from ${sql.id(t.schema, AUDIT_TABLE)} order by at desc limit 1`.execute(t.raw)).rows[0]?.action;

async function call(who: Who, name: string, input: unknown): Promise<Result> {
  request.headers = new Headers({ "user-agent": "vitest", ...(who === "anonymous" ? {} : { cookie: cookies[who] ?? "" }) });
  request.cookiesSet = [];
  const fn = fns[name];
  if (!fn) throw new Error(`no action ${name}`);
  return input === undefined ? fn() : fn(input);
}

async function previewToken(who: Who, preview: string, input: unknown): Promise<string> {
  const r = await call(who, preview, input);
  if (!r.ok) throw new Error(`${preview}: ${r.error.message}`);
  if (!r.data.scopeToken) throw new Error(`${preview}: no scope token`);
  return r.data.scopeToken;
}

beforeAll(async () => {
  t = await createTestDb("default", ["admin", "twoFactor", "passkey", "organization"]);
  await installAuditTable(t.raw, t.schema);
  await t.reopen();
  app = await listenAppServer();
  app.attach(t, ["admin", "twoFactor", "passkey"]);
  for (const role of ["support", "moderator", "admin", "demoted"] as const) {
    await createPasswordUser(t.d, { id: `ta_${role}`, email: `${role}@typed.test`, role: role === "demoted" ? "support" : role });
  }
  Object.assign(process.env, {
    DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
    BETTER_AUTH_SECRET: "typed-actions-secret-0123456789abcdefghij", BETTER_AUTH_URL: BASE,
    APP_AUTH_URL: app.url,
  });
  const { getAuth } = await import("../lib/auth");
  const auth = await getAuth();
  for (const who of ["support", "moderator", "admin", "demoted"] as const) {
    const res = await auth.api.signInEmail({ body: { email: `${who}@typed.test`, password: PASSWORD }, returnHeaders: true });
    cookies[who] = cookieFrom(res.headers);
  }
  // Demoted after signing in: the session stays valid, the role is read fresh on every action.
  await t.d.db.updateTable("user").set({ role: "user" }).where("user.id", "=", "ta_demoted").execute();
  for (const { file, name } of actionExports()) fns[name] = (await import(join(LIB, file)))[name];
}, 120_000);

afterAll(async () => {
  const { getDatabase } = await import("../lib/db");
  await (await getDatabase()).close();
  await app?.close();
  await t?.cleanup();
});

describe("typed server actions (*.action.ts)", () => {
  it("has a case for every exported action, and every case is an export", () => {
    expect(Object.keys(fns).sort()).toEqual(Object.keys(cases).sort());
  });

  describe.each(Object.keys(cases))("%s", (name) => {
    const c = cases[name] as (typeof cases)[string];

    it("refuses without a staff session (nothing audited)", async () => {
      const before = await auditCount();
      const r = await call("anonymous", name, await c.input(c.allowed));
      expect(r).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      expect(await auditCount()).toBe(before);
      expect(request.cookiesSet).toEqual([]);
    });

    it("refuses a signed-in role without the permission (nothing audited)", async () => {
      const before = await auditCount();
      const r = await call(c.denied, name, await c.input(c.allowed));
      expect(r).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await auditCount()).toBe(before);
    });

    it(`runs for an allowed role (${c.audited ? "one audit row" : "read-only: no audit row"})`, async () => {
      const input = await c.input(c.allowed);
      const before = await auditCount();
      const r = await call(c.allowed, name, input);
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      expect(await auditCount()).toBe(before + (c.audited ? 1 : 0));
      if (c.audited) {
        expect(request.cookiesSet.length).toBe(1); // the fresh-read cookie, set in one place
        audited.push((await auditLast()) as string);
      }
    });
  });

  const audited: string[] = [];
  it("the registry lists every spec once, and the actions ran exactly the registry's specs", () => {
    const specs = Object.values(actions);
    expect(new Set(specs).size).toBe(specs.length);
    for (const [key, spec] of Object.entries(actions)) expect(spec.name).toBe(key);
    // A bulk action audits as its spec name plus the operation (users.bulk.revokeSessions).
    const specOf = (a: string) => Object.keys(actions).find((k) => a === k || a.startsWith(`${k}.`)) ?? a;
    expect(audited.map(specOf).sort(), JSON.stringify(audited)).toEqual(Object.keys(actions).sort());
  });
});
