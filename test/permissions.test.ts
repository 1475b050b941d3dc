import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionName, actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { can, permissions } from "../lib/auth/permissions";
import { installAuditTable } from "../lib/audit/table";
import { staffRoles } from "../lib/auth/roles";
import { previewRevokeAll, previewRevokeFilter } from "../lib/moderation/session-actions";
import { depsFor, staffOf, staffRoleMap } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

process.env.BETTER_AUTH_SECRET = "permissions-test-secret-0123456789abcdefgh";

/** What each role may do, action by action: the table the product promises. */
const expected: Record<ActionName, Record<(typeof staffRoles)[number], boolean>> = {
  "user.ban": { support: false, moderator: true, admin: true },
  "user.unban": { support: false, moderator: true, admin: true },
  "user.verifyEmail": { support: true, moderator: true, admin: true },
  "user.setRole": { support: false, moderator: false, admin: true },
  "user.delete": { support: false, moderator: false, admin: true },
  "user.sessions.revoke": { support: true, moderator: true, admin: true },
  "session.revoke": { support: true, moderator: true, admin: true },
  "sessions.revoke.filter": { support: false, moderator: true, admin: true },
  "sessions.revoke.all": { support: false, moderator: false, admin: true },
  "users.bulk": { support: false, moderator: true, admin: true },
  "spam.clear": { support: false, moderator: true, admin: true },
  "spam.unclear": { support: false, moderator: true, admin: true },
  "user.passwordReset": { support: true, moderator: true, admin: true },
  "user.verificationEmail": { support: true, moderator: true, admin: true },
  "user.update": { support: true, moderator: true, admin: true },
  "user.account.unlink": { support: true, moderator: true, admin: true },
  "user.twoFactor.disable": { support: true, moderator: true, admin: true },
  "user.passkey.remove": { support: true, moderator: true, admin: true },
  "organization.member.remove": { support: false, moderator: true, admin: true },
  "organization.member.setRole": { support: false, moderator: true, admin: true },
  "organization.invitation.cancel": { support: false, moderator: true, admin: true },
};

/** Inputs that pass validation and change nothing harmful in the fixture world. */
const inputs: Record<ActionName, unknown> = {
  "user.ban": { userId: "u_bob", reason: "matrix" },
  "user.unban": { userId: "u_bob" },
  "user.verifyEmail": { userId: "u_bob" },
  "user.setRole": { userId: "u_bob", role: "user" },
  "user.delete": { userId: "u_fill000", confirm: "filler0@fill.test" },
  "user.sessions.revoke": { userId: "u_bob" },
  "session.revoke": { sessionId: "s3" },
  "sessions.revoke.filter": { filter: { ip: "192.0.2.0/24" } },
  "sessions.revoke.all": { confirm: "REVOKE ALL" },
  "users.bulk": { action: "revokeSessions", ids: ["u_bob"] },
  "spam.clear": { userIds: ["u_bob"] },
  "spam.unclear": { userIds: ["u_bob"] },
  "user.passwordReset": { userId: "u_bob" },
  "user.verificationEmail": { userId: "u_bob" },
  "user.update": { userId: "u_bob", name: "Bob Fixed" },
  "user.account.unlink": { userId: "u_zoe", accountId: "a4" },
  "user.twoFactor.disable": { userId: "u_bob" },
  "user.passkey.remove": { userId: "u_bob", passkeyId: "pk1" },
  "organization.member.remove": { organizationId: "o1", memberId: "m_bob" },
  "organization.member.setRole": { organizationId: "o1", memberId: "m_carol", role: "admin" },
  "organization.invitation.cancel": { organizationId: "o1", invitationId: "i1" },
};
// no APP_AUTH_URL, no passkey table in this schema: past the permission these stop at 409
const stopsAtConflict: readonly ActionName[] = ["user.passwordReset", "user.verificationEmail", "user.passkey.remove"];

describe("permission matrix: every role × every action", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin", "username", "twoFactor", "organization"]);
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
    await t.raw.withSchema(t.schema).insertInto("organization").values({ id: "o1", name: "Acme", slug: "acme", createdAt: NOW }).execute();
    await t.raw.withSchema(t.schema).insertInto("member").values([
      { id: "m_alice", organizationId: "o1", userId: "u_alice", role: "owner", createdAt: NOW },
      { id: "m_bob", organizationId: "o1", userId: "u_bob", role: "member", createdAt: NOW },
      { id: "m_carol", organizationId: "o1", userId: "u_carol", role: "member", createdAt: NOW },
    ]).execute();
    await t.raw.withSchema(t.schema).insertInto("invitation").values({ id: "i1", organizationId: "o1", email: "new@x.test", role: "member", status: "pending", expiresAt: NOW, createdAt: NOW, inviterId: "u_alice" }).execute();
  });
  afterAll(async () => t?.cleanup());

  it("registers every action under its own name", () => {
    for (const [key, spec] of Object.entries(actions)) expect(spec.name).toBe(key);
    expect(Object.keys(expected).sort()).toEqual(Object.keys(actions).sort());
  });

  const cases = staffRoles.flatMap((role) => (Object.keys(actions) as ActionName[]).map((name) => [role, name] as const));
  it.each(cases)("%s → %s", async (role, name) => {
    const allowed = expected[name][role];
    expect(can(role, actions[name].permission)).toBe(allowed);
    const { deps } = depsFor(t.d, staffOf[role], { now: NOW });
    // Filtered and everyone-wide revokes are confirmed with their preview's token, which is per actor.
    const scopeToken =
      name === "sessions.revoke.filter" ? (await previewRevokeFilter(t.d, { ip: "192.0.2.0/24" }, staffOf[role], staffRoleMap, NOW)).scopeToken
      : name === "sessions.revoke.all" ? (await previewRevokeAll(t.d, staffOf[role], NOW)).scopeToken
      : undefined;
    // a canceled invitation cannot be canceled again: each role gets a pending one
    if (name === "organization.invitation.cancel") await t.raw.withSchema(t.schema).updateTable("invitation").set({ status: "pending" }).where("id", "=", "i1").execute();
    const input = scopeToken ? { ...(inputs[name] as object), scopeToken } : inputs[name];
    const outcome = await executeAction(actions[name] as never, deps, input).then(
      () => "ok",
      (err: { code?: string }) => err.code ?? String(err),
    );
    // An allowed action succeeds, or finds its target already handled by a previous role's run.
    if (allowed) expect(stopsAtConflict.includes(name) ? ["conflict"] : ["ok", "not_found"]).toContain(outcome);
    else expect(outcome).toBe("forbidden");
  });

  it("names a known role for every permission", () => {
    for (const role of Object.values(permissions)) expect(staffRoles).toContain(role);
  });
});
