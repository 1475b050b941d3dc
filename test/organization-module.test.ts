import { betterAuth } from "better-auth";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appAuthOptions } from "../lib/db/migrate";
import { executeAction } from "../lib/actions/runner";
import { inspect } from "../lib/doctor/inspect";
import { navEntries, userPanels } from "../lib/modules";
import { cancelInvitationSpec } from "../lib/modules/organization/actions/cancel-invitation";
import { removeMemberSpec } from "../lib/modules/organization/actions/remove-member";
import { setMemberRoleSpec } from "../lib/modules/organization/actions/set-member-role";
import { getOrganization, listOrganizations, listUserMemberships } from "../lib/modules/organization/queries";
import { requireOrganizations } from "../lib/modules/organization/require";
import { parseOrganizationParams } from "../lib/modules/organization/search-params";
import { seedDatabase } from "../lib/seed/insert";
import { seedOrganizations } from "../lib/seed/organizations";
import { createRedisStore } from "../lib/sessions/redis-store";
import { depsFor, staffOf } from "./helpers/actions";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";
import { deleteKeys, REDIS_URL, redisStorage, requireRedisOrSkip, uniquePrefix } from "./helpers/redis";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * The organization module on tables created by Better Auth's own migrations for the organization
 * plugin (teams on), in two namings: camel, and snake + plural with the member table and its role
 * column renamed through the plugin's schema option.
 */
const at = (s: string) => new Date(`2026-0${s}T00:00:00Z`);
const outcome = (p: Promise<unknown>) => p.then(() => "ok", (err: { code?: string }) => err.code ?? String(err));

describe.each(["default", "snake-plural-renamed"] as NamingName[])("organization module (%s naming)", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant, ["admin", "organization"]);
    const db = t.d.db;
    const users = ["ann", "ben", "cat", "dan", "eve"].map((n, i) => ({
      id: `u_${n}`, name: n.toUpperCase(), email: `${n}@org.test`, emailVerified: true, image: null, createdAt: at(`1-0${i + 1}`), updatedAt: at(`1-0${i + 1}`),
    }));
    await db.insertInto("user").values(users).execute();
    await db.insertInto("organization").values([
      { id: "o_acme", name: "Acme Corp", slug: "acme", logo: null, metadata: null, createdAt: at("3-01") },
      { id: "o_beta", name: "Beta", slug: "beta-labs", logo: null, metadata: null, createdAt: at("3-02") },
      { id: "o_pct", name: "100% Gamma", slug: "gamma", logo: null, metadata: null, createdAt: at("3-03") },
      { id: "o_race", name: "Race Inc", slug: "race", logo: null, metadata: null, createdAt: at("3-04") },
    ]).execute();
    await db.insertInto("member").values([
      { id: "m1", organizationId: "o_acme", userId: "u_ann", role: "owner", createdAt: at("3-01") },
      { id: "m2", organizationId: "o_acme", userId: "u_ben", role: "admin", createdAt: at("3-02") },
      { id: "m3", organizationId: "o_acme", userId: "u_cat", role: "member", createdAt: at("3-03") },
      { id: "m4", organizationId: "o_beta", userId: "u_ann", role: "member,admin", createdAt: at("3-04") },
      { id: "m5", organizationId: "o_beta", userId: "u_dan", role: "owner", createdAt: at("3-05") },
      { id: "r1", organizationId: "o_race", userId: "u_dan", role: "owner", createdAt: at("3-05") },
      { id: "r2", organizationId: "o_race", userId: "u_eve", role: "owner", createdAt: at("3-05") },
    ]).execute();
    await db.insertInto("invitation").values([
      { id: "i1", organizationId: "o_acme", email: "new@org.test", role: "member", teamId: null, status: "pending", expiresAt: at("7-01"), createdAt: at("3-05"), inviterId: "u_ann" },
      { id: "i2", organizationId: "o_acme", email: "old@org.test", role: "member", teamId: null, status: "accepted", expiresAt: at("4-01"), createdAt: at("3-05"), inviterId: "u_ann" },
    ]).execute();
    await db.insertInto("team").values({ id: "t1", name: "Core", memberCount: 2, organizationId: "o_acme", createdAt: at("3-05"), updatedAt: null }).execute();
    await db.insertInto("teamMember").values([
      { id: "tm1", teamId: "t1", userId: "u_ben", membershipKey: null, createdAt: at("3-05") },
      { id: "tm2", teamId: "t1", userId: "u_cat", membershipKey: null, createdAt: at("3-05") },
    ]).execute();
  });
  afterAll(() => t?.cleanup());

  it("is on with Better Auth's organization tables, contributing its nav entry and user panel", () => {
    expect(t.d.caps.modules.has("organization")).toBe(true);
    expect(navEntries(t.d.caps.modules).map((e) => e.href)).toContain("/organizations");
    expect(userPanels(t.d.caps.modules).map((p) => p.id)).toContain("memberships");
    if (variant === "snake-plural-renamed") {
      expect([t.naming.table("member"), t.naming.column("member", "role"), t.naming.table("organization")]).toEqual(["org_memberships", "member_role", "organizations"]);
      const compiled = t.d.db.selectFrom("member").select("member.role").compile().sql;
      expect(compiled).toContain('"org_memberships" as "member"');
      expect(compiled).toContain('"member"."member_role"');
    }
  });

  it("lists organizations newest first with member counts, searching name or slug case-insensitively", async () => {
    const list = async (raw: Record<string, string>) => listOrganizations(t.d, parseOrganizationParams(raw));
    const all = await list({});
    expect(all.rows.map((r) => [r.id, r.memberCount])).toEqual([["o_race", 2], ["o_pct", 0], ["o_beta", 2], ["o_acme", 3]]);
    expect(all.rows[0]?.createdAt).toEqual(at("3-04"));
    expect((await list({ q: "ACME" })).rows.map((r) => r.id)).toEqual(["o_acme"]);
    expect((await list({ q: "Beta-L" })).rows.map((r) => r.id)).toEqual(["o_beta"]);
    // LIKE metacharacters are literal
    expect((await list({ q: "100%" })).rows.map((r) => r.id)).toEqual(["o_pct"]);
    expect((await list({ q: "_" })).rows).toEqual([]);
    // keyset paging: one at a time reaches every organization exactly once
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["o_race", "o_pct", "o_beta", "o_acme"]);
  });

  it("the doctor names the indexes the organizations list needs, and sees Better Auth's own on member", async () => {
    const r = await inspect(t.d, { smallTable: 0 });
    const org = r.indexes.filter((i) => /^(organization|member)_/.test(i.spec.id));
    expect(org.filter((i) => !i.present).map((i) => i.spec.id).sort()).toEqual(["organization_created", "organization_name_trgm", "organization_slug_trgm"]);
    // member(organizationId) and member(userId): created by Better Auth's migrations (index: true in the plugin's schema)
    expect(org.filter((i) => i.present).map((i) => i.spec.id).sort()).toEqual(["member_organization", "member_user"]);
    expect(r.statements.filter((s) => s.includes("ba_admin_organization_"))).toHaveLength(3);
  });

  it("refuses unknown keys and foreign cursors (400)", () => {
    expect(() => parseOrganizationParams({ sort: "name" })).toThrow(/sort/);
    expect(() => parseOrganizationParams({ limit: "0" })).toThrow(/limit/);
    return expect(listOrganizations(t.d, parseOrganizationParams({ cursor: "bm9wZQ" }))).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("shows an organization: owners, members with roles, pending invitations, teams", async () => {
    const d = await getOrganization(t.d, "o_acme");
    expect(d?.organization).toMatchObject({ id: "o_acme", name: "Acme Corp", slug: "acme" });
    expect(d?.memberCount).toBe(3);
    expect(d?.owners.map((m) => m.email)).toEqual(["ann@org.test"]);
    expect(d?.members.map((m) => [m.email, m.name, m.role, m.owner])).toEqual([
      ["ann@org.test", "ANN", "owner", true], ["ben@org.test", "BEN", "admin", false], ["cat@org.test", "CAT", "member", false],
    ]);
    expect(d?.invitations.map((i) => i.email)).toEqual(["new@org.test"]);
    expect(d?.teams).toEqual([{ id: "t1", name: "Core", memberCount: 2 }]);
    expect(await getOrganization(t.d, "nope")).toBeNull();
  });

  it("lists a user's memberships and roles", async () => {
    const rows = await listUserMemberships(t.d, "u_ann");
    expect(rows.map((r) => [r.organizationName, r.role])).toEqual([["Acme Corp", "owner"], ["Beta", "member,admin"]]);
  });

  it("changes a role, removes a member (and their team memberships), cancels an invitation; audited", async () => {
    const { deps, records } = depsFor(t.d, staffOf.moderator);
    expect(await executeAction(setMemberRoleSpec, deps, { organizationId: "o_acme", memberId: "m3", role: "admin" })).toEqual({ membersChanged: 1, role: "admin" });
    // Ben's sessions: two with Acme active (one with its team), one with Beta; Cat's with Acme stays.
    const session = (id: string, userId: string, activeOrganizationId: string | null, activeTeamId: string | null) => ({
      id, token: `tok_${id}`, userId, activeOrganizationId, activeTeamId, expiresAt: at("9-01"), createdAt: at("3-05"), updatedAt: at("3-05"), ipAddress: null, userAgent: null, impersonatedBy: null,
    });
    await t.d.db.insertInto("session").values([
      session("s_ben1", "u_ben", "o_acme", "t1"), session("s_ben2", "u_ben", "o_acme", null), session("s_ben3", "u_ben", "o_beta", null), session("s_cat", "u_cat", "o_acme", "t1"),
    ]).execute();
    expect(await executeAction(removeMemberSpec, deps, { organizationId: "o_acme", memberId: "m2" })).toEqual({ membersRemoved: 1, teamMembershipsRemoved: 1, sessionsCleared: 2 });
    const active = await t.d.db.selectFrom("session").select(["session.id", "session.activeOrganizationId", "session.activeTeamId"]).where("session.id", "like", "s\\_%").orderBy("session.id").execute();
    expect(active.map((r) => [r.id, r.activeOrganizationId, r.activeTeamId])).toEqual([
      ["s_ben1", null, null], ["s_ben2", null, null], ["s_ben3", "o_beta", null], ["s_cat", "o_acme", "t1"],
    ]);
    expect(await executeAction(cancelInvitationSpec, deps, { organizationId: "o_acme", invitationId: "i1" })).toEqual({ invitationsCanceled: 1 });
    const d = await getOrganization(t.d, "o_acme");
    expect(d?.members.map((m) => [m.id, m.role])).toEqual([["m1", "owner"], ["m3", "admin"]]);
    expect(d?.invitations).toEqual([]);
    expect(d?.teams).toEqual([{ id: "t1", name: "Core", memberCount: 1 }]);
    expect(records().map((r) => [r.action, r.targetType, r.targetIds, r.before.memberId ?? r.before.invitationId])).toEqual([
      ["organization.member.setRole", "organization", ["o_acme"], "m3"],
      ["organization.member.remove", "organization", ["o_acme"], "m2"],
      ["organization.invitation.cancel", "organization", ["o_acme"], "i1"],
    ]);
  });

  it("never leaves an organization without an owner; wrong organization or state is 404/409", async () => {
    const { deps } = depsFor(t.d, staffOf.admin);
    const run = (spec: Parameters<typeof executeAction>[0], input: unknown) => outcome(executeAction(spec as never, deps, input));
    expect(await run(removeMemberSpec, { organizationId: "o_acme", memberId: "m1" })).toBe("conflict");
    expect(await run(setMemberRoleSpec, { organizationId: "o_acme", memberId: "m1", role: "member" })).toBe("conflict");
    // still an owner with another role added: fine
    expect(await run(setMemberRoleSpec, { organizationId: "o_acme", memberId: "m1", role: "owner,admin" })).toBe("ok");
    expect(await run(removeMemberSpec, { organizationId: "o_beta", memberId: "m1" })).toBe("not_found");
    expect(await run(cancelInvitationSpec, { organizationId: "o_acme", invitationId: "i2" })).toBe("conflict");
    expect(await run(setMemberRoleSpec, { organizationId: "o_acme", memberId: "m3", role: "admin; drop" })).toBe("invalid_request");
    expect(await run(removeMemberSpec, { organizationId: "o_acme", memberId: "m3", extra: 1 })).toBe("invalid_request");
    expect((await getOrganization(t.d, "o_acme"))?.owners.map((m) => m.id)).toEqual(["m1"]);
  });

  it("two concurrent demotions of the last two owners: one succeeds, one is refused", async () => {
    for (let round = 0; round < 5; round++) {
      await t.d.db.updateTable("member").set({ role: "owner" }).where("member.organizationId", "=", "o_race").execute();
      const [a, b] = await Promise.all([
        outcome(executeAction(setMemberRoleSpec, depsFor(t.d, staffOf.admin).deps, { organizationId: "o_race", memberId: "r1", role: "member" })),
        outcome(executeAction(setMemberRoleSpec, depsFor(t.d, staffOf.moderator).deps, { organizationId: "o_race", memberId: "r2", role: "member" })),
      ]);
      expect([a, b].sort()).toEqual(["conflict", "ok"]);
      expect((await getOrganization(t.d, "o_race"))?.owners).toHaveLength(1);
    }
    // a removal racing a demotion holds too
    await t.d.db.updateTable("member").set({ role: "owner" }).where("member.organizationId", "=", "o_race").execute();
    const [a, b] = await Promise.all([
      outcome(executeAction(removeMemberSpec, depsFor(t.d, staffOf.admin).deps, { organizationId: "o_race", memberId: "r1" })),
      outcome(executeAction(setMemberRoleSpec, depsFor(t.d, staffOf.moderator).deps, { organizationId: "o_race", memberId: "r2", role: "member" })),
    ]);
    expect([a, b].sort()).toEqual(["conflict", "ok"]);
    expect((await getOrganization(t.d, "o_race"))?.owners).toHaveLength(1);
  });
});

/*
 * Removing a member clears the active organization of that user's sessions where Better Auth reads
 * them: a real Better Auth (organization plugin) with Redis as secondary storage, with and without
 * the sessions also in the database.
 */
const redisUp = await requireRedisOrSkip("organization-module.test");
const runPrefix = uniquePrefix("org");

describe.skipIf(!redisUp).each([
  { variant: "secondaryStorage only", inDb: false, tag: "a" },
  { variant: "secondaryStorage + storeSessionInDatabase", inDb: true, tag: "b" },
])("removing a member, an app with $variant", ({ inDb, tag }) => {
  const prefix = `${runPrefix}${tag}:`;
  let t: TestDb;
  let r: Redis;
  beforeAll(async () => {
    r = new Redis(REDIS_URL);
    t = await createTestDb("default", ["admin", "organization"]);
  });
  afterAll(async () => {
    if (r) {
      await deleteKeys(r, prefix);
      await r.quit();
    }
    await t?.cleanup();
  });

  it("clears activeOrganizationId of the removed user's sessions on that organization, as Better Auth reads them", async () => {
    const base = appAuthOptions(t.raw, t.naming, ["admin", "organization"]);
    const auth = betterAuth({ ...base, secondaryStorage: redisStorage(r, prefix), session: { ...base.session, storeSessionInDatabase: inDb } });
    const store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix });
    try {
      for (const id of ["own", "mem"]) await createPasswordUser(t.d, { id, email: `${id}@org.test`, role: "user" });
      await t.d.db.insertInto("organization").values([
        { id: "o_x", name: "X", slug: "x", logo: null, metadata: null, createdAt: at("3-01") },
        { id: "o_y", name: "Y", slug: "y", logo: null, metadata: null, createdAt: at("3-01") },
      ]).execute();
      await t.d.db.insertInto("member").values([
        { id: "mx1", organizationId: "o_x", userId: "own", role: "owner", createdAt: at("3-01") },
        { id: "mx2", organizationId: "o_x", userId: "mem", role: "member", createdAt: at("3-01") },
        { id: "my2", organizationId: "o_y", userId: "mem", role: "owner", createdAt: at("3-01") },
      ]).execute();
      const signIn = async () =>
        cookieFrom((await auth.api.signInEmail({ body: { email: "mem@org.test", password: PASSWORD }, returnHeaders: true })).headers);
      const [onX, alsoOnX, onY] = [await signIn(), await signIn(), await signIn()];
      // appAuthOptions types its plugins generically, so the organization plugin's endpoints are not in auth.api's type
      const api = auth.api as unknown as { setActiveOrganization(o: { body: { organizationId: string }; headers: Headers }): Promise<unknown> };
      const activate = (cookie: string, organizationId: string) => api.setActiveOrganization({ body: { organizationId }, headers: new Headers({ cookie }) });
      await activate(onX, "o_x");
      await activate(alsoOnX, "o_x");
      await activate(onY, "o_y");
      const active = async (cookie: string) => {
        const s = (await auth.api.getSession({ headers: new Headers({ cookie }) })) as { user: { id: string }; session: { activeOrganizationId?: string | null } } | null;
        return [s?.user.id ?? null, s?.session.activeOrganizationId ?? null];
      };
      expect(await active(onX)).toEqual(["mem", "o_x"]);

      const { deps } = depsFor(t.d, staffOf.moderator, { store });
      expect(await executeAction(removeMemberSpec, deps, { organizationId: "o_x", memberId: "mx2" })).toEqual({ membersRemoved: 1, teamMembershipsRemoved: 0, sessionsCleared: 2 });
      // still signed in, no longer in that organization; the other organization's session is untouched
      expect([await active(onX), await active(alsoOnX), await active(onY)]).toEqual([["mem", null], ["mem", null], ["mem", "o_y"]]);
      const rows = await t.d.db.selectFrom("session").select("session.activeOrganizationId").where("session.userId", "=", "mem").execute();
      expect(rows.map((x) => x.activeOrganizationId).sort()).toEqual(inDb ? [null, null, "o_y"] : []);
    } finally {
      await store.close();
    }
  });
});

describe("without the organization plugin", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
  });
  afterAll(() => t?.cleanup());

  it("the module is off, contributes nothing, and its routes and actions answer 404", async () => {
    expect(t.d.caps.modules.has("organization")).toBe(false);
    expect(navEntries(t.d.caps.modules).map((e) => e.href)).not.toContain("/organizations");
    expect(userPanels(t.d.caps.modules).map((p) => p.id)).not.toContain("memberships");
    expect(() => requireOrganizations(t.d)).toThrow(/organization plugin/);
    expect(await outcome(executeAction(removeMemberSpec, depsFor(t.d, staffOf.admin).deps, { organizationId: "o", memberId: "m" }))).toBe("not_found");
  });
});

describe.each(["default", "snake-plural-renamed"] as NamingName[])("demo organizations seed (%s naming)", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant, ["admin", "organization"]);
  });
  afterAll(() => t?.cleanup());

  it("seeds organizations over the seeded users, each with an owner, and a reset removes them", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    await seedDatabase(t.d.authDb, t.naming, { users: 300, seed: 5, now, columns: t.d.caps.columns, concurrency: 1 });
    const r = await seedOrganizations(t.d.authDb, t.naming, { seed: 5, now });
    expect(r.organizations).toBe(12);
    expect(r.members).toBeGreaterThanOrEqual(12);
    const { rows } = await listOrganizations(t.d, parseOrganizationParams({ limit: "100" }));
    expect(rows).toHaveLength(12);
    for (const o of rows) expect((await getOrganization(t.d, o.id))?.owners.length, o.id).toBeGreaterThanOrEqual(1);
    expect(rows.reduce((n, o) => n + o.memberCount, 0)).toBe(r.members);
    // deterministic for a seed, and a reset clears the organizations with the users they reference
    await seedDatabase(t.d.authDb, t.naming, { users: 300, seed: 5, now, columns: t.d.caps.columns, concurrency: 1, reset: true });
    expect((await listOrganizations(t.d, parseOrganizationParams({}))).rows).toEqual([]);
    expect(await seedOrganizations(t.d.authDb, t.naming, { seed: 5, now })).toEqual(r);
  });
});
