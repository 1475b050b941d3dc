import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { installAuditTable } from "../lib/audit/table";
import { listAudit } from "../lib/audit/queries";
import { previewBulk } from "../lib/moderation/bulk-actions";
import { previewRevokeAll, previewRevokeFilter } from "../lib/moderation/session-actions";
import type { Staff } from "../lib/auth/staff";
import type { SessionStore } from "../lib/sessions/store";
import { depsFor, staffOf, staffRoleMap } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

const HOUR = 3_600_000;
// Filtered and everyone-wide actions are confirmed with a preview token signed with this secret.
process.env.BETTER_AUTH_SECRET = "moderation-test-secret-0123456789abcdefghij";
const noFilter = { limit: 10, actor: undefined, action: undefined, cursor: undefined };

describe("moderation actions (snake_case naming, audit table installed)", () => {
  let t: TestDb;
  const run = (name: keyof typeof actions, input: unknown, staff: Staff = staffOf.admin, opts: Parameters<typeof depsFor>[2] = {}) => {
    const { deps, records } = depsFor(t.d, staff, { now: NOW, ...opts });
    return executeAction(actions[name] as never, deps, input).then((r) => ({ result: r as Record<string, any>, records: records() }));
  };
  const user = (id: string) =>
    t.d.db.selectFrom("user").select(["user.id", "user.banned", "user.banReason", "user.banExpires", "user.role", "user.emailVerified"]).where("user.id", "=", id).executeTakeFirst();
  const liveSessions = (userId: string) =>
    t.d.db.selectFrom("session").select("session.id").where("session.userId", "=", userId).where("session.expiresAt", ">", NOW).execute();
  const addSession = (id: string, userId: string, ip: string) =>
    t.d.db.insertInto("session").values({
      id, userId, token: `tok_${id}`, ipAddress: ip, userAgent: "curl/8", createdAt: new Date(NOW.getTime() - HOUR), updatedAt: NOW, expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    }).execute();

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());
  beforeEach(async () => {
    await sql`delete from ${sql.id(t.schema, "dashboard_audit_log")}`.execute(t.raw);
  });

  it("bans a user, ends their sessions and records who, what, why and from where", async () => {
    await addSession("bob1", "u_bob", "203.0.113.50");
    const { result, records } = await run("user.ban", { userId: "u_bob", reason: "spam links", duration: "7d" }, staffOf.moderator);
    expect(result).toEqual({ usersChanged: 1, sessionsRevoked: 1, banExpires: new Date(NOW.getTime() + 7 * 24 * HOUR).toISOString() });
    expect(await user("u_bob")).toMatchObject({ banned: true, banReason: "spam links" });
    expect(await liveSessions("u_bob")).toHaveLength(0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      type: "audit", action: "user.ban", actor: { id: "u_moe", email: "moe@example.com", role: "moderator" },
      targetIds: ["u_bob"], targetCount: 1, reason: "spam links", ip: "198.51.100.99", userAgent: "vitest",
      before: { banned: false, banReason: null }, after: { banned: true, sessionsRevoked: 1 },
    });
    const stored = await listAudit(t.d, { ...noFilter, target: "u_bob" });
    expect(stored.rows.map((r) => [r.action, r.actorEmail, r.targetIds])).toEqual([["user.ban", "moe@example.com", ["u_bob"]]]);
  });

  it("unbans, and unbanning again changes nothing", async () => {
    expect((await run("user.unban", { userId: "u_bob" }, staffOf.moderator)).result).toEqual({ usersChanged: 1 });
    expect(await user("u_bob")).toMatchObject({ banned: false, banReason: null, banExpires: null });
    expect((await run("user.unban", { userId: "u_bob" }, staffOf.moderator)).result).toEqual({ usersChanged: 0 });
  });

  it.each([
    [{ userId: "u_bob" }, "invalid_request", /reason/],
    [{ userId: "u_bob", reason: "x", expiresAt: "2026-01-01T00:00:00Z" }, "invalid_request", /future/],
    [{ userId: "u_bob", reason: "x", expiresAt: "next week" }, "invalid_request", /expiresAt/],
    [{ userId: "u_bob", reason: "x", duration: "2y" }, "invalid_request", /duration/],
    [{ userId: "nobody", reason: "x" }, "not_found", /nobody/],
    [{ userId: "u_moe", reason: "x" }, "conflict", /your own account/],
    [{ userId: "u_sue", reason: "x" }, "forbidden", /Only admins/],
  ])("refuses a ban %j with %s", async (input, code, message) => {
    await expect(run("user.ban", input, staffOf.moderator)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await user("u_sue")).toMatchObject({ banned: false });
  });

  it("lets an admin act on other staff", async () => {
    await run("user.ban", { userId: "u_sue", reason: "compromised account", duration: "1h" });
    await run("user.unban", { userId: "u_sue" });
    expect(await user("u_sue")).toMatchObject({ banned: false });
  });

  it("marks an email verified (support may)", async () => {
    expect((await run("user.verifyEmail", { userId: "u_bob" }, staffOf.support)).result).toEqual({ usersChanged: 1 });
    expect(await user("u_bob")).toMatchObject({ emailVerified: true });
  });

  it("changes roles (admin only), but never demotes the last admin or yourself", async () => {
    await expect(run("user.setRole", { userId: "u_bob", role: "moderator" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
    await expect(run("user.setRole", { userId: "u_alice", role: "user" })).rejects.toMatchObject({ code: "conflict" });
    await run("user.setRole", { userId: "u_bob", role: "user,admin" });
    await expect(run("user.setRole", { userId: "u_alice", role: "user" })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/own account/) });
    const bobAsAdmin = { ...staffOf.admin, id: "u_bob", email: "bob@gmail.com" };
    expect((await run("user.setRole", { userId: "u_alice", role: "user" }, bobAsAdmin)).records[0]).toMatchObject({ before: { role: "user,admin" }, after: { role: "user" } });
    await run("user.setRole", { userId: "u_alice", role: "user,admin" }, bobAsAdmin);
    await run("user.setRole", { userId: "u_bob", role: "user" });
    await expect(run("user.setRole", { userId: "u_bob", role: "not a role!" })).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("revokes one session, or all of a user's", async () => {
    await addSession("erin1", "u_erin", "203.0.113.51");
    await addSession("erin2", "u_erin", "203.0.113.52");
    expect((await run("session.revoke", { sessionId: "erin1" }, staffOf.support)).result).toEqual({ sessionsRevoked: 1 });
    await expect(run("session.revoke", { sessionId: "erin1" }, staffOf.support)).rejects.toMatchObject({ code: "not_found" });
    expect((await run("user.sessions.revoke", { userId: "u_erin" }, staffOf.support)).result).toEqual({ sessionsRevoked: 1 });
    expect(await liveSessions("u_erin")).toHaveLength(0);
  });

  it("revokes the sessions of an IPv4 range after a preview that counts exactly those", async () => {
    await addSession("r1", "u_erin", "203.0.113.7");
    await addSession("r2", "u_pct", "203.0.113.200");
    await addSession("r3", "u_pct", "203.0.114.1");
    await addSession("r4", "u_sue", "203.0.113.9"); // staff: a moderator's revoke must spare it
    await addSession("r5", "u_moe", "203.0.113.10"); // the actor's own session is always spared
    const preview = await previewRevokeFilter(t.d, { ip: "203.0.113.0/24" }, staffOf.moderator, staffRoleMap, NOW);
    expect([preview.sessions, preview.users]).toEqual([2, 2]);
    const { result, records } = await run("sessions.revoke.filter", { filter: { ip: "203.0.113.0/24" }, scopeToken: preview.scopeToken }, staffOf.moderator);
    // spared: the actor's own (r5), staff sue's (r4) and admin alice's fixture session s1
    expect(result).toEqual({ sessionsRevoked: 2, usersAffected: 2, sessionsSpared: 3 });
    // The ended sessions' last activity per user, kept for "last active" once they are gone.
    expect(records[0]?.before).toEqual({ filter: { ip: "203.0.113.0/24" }, lastActive: { u_erin: NOW.toISOString(), u_pct: NOW.toISOString() } });
    expect((await liveSessions("u_pct")).map((s) => s.id)).toEqual(["r3"]);
    expect(await liveSessions("u_sue")).toHaveLength(1);
    expect(await liveSessions("u_moe")).toHaveLength(1);
  });

  it("matches IPv6 ranges and refuses malformed ranges and empty filters", async () => {
    await addSession("v6a", "u_dave", "2001:0db8:0000:0000:0000:0000:0000:0000");
    await addSession("v6b", "u_dave", "2001:db9::1");
    // dave's expanded address and zoe's fixture session 2001:db8::1; not 2001:db9::1
    const { scopeToken } = await previewRevokeFilter(t.d, { ip: "2001:db8::/32" }, staffOf.moderator, staffRoleMap, NOW);
    expect((await run("sessions.revoke.filter", { filter: { ip: "2001:db8::/32" }, scopeToken }, staffOf.moderator)).result).toEqual({ sessionsRevoked: 2, usersAffected: 2, sessionsSpared: 0 });
    expect((await liveSessions("u_dave")).map((s) => s.id)).toEqual(["v6b"]);
    await expect(run("sessions.revoke.filter", { filter: { ip: "300.1.2.0/24" } }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/ip/) });
    await expect(run("sessions.revoke.filter", { filter: {} }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request" });
    await expect(run("sessions.revoke.filter", { filter: { ip: "2001:db8::/32" }, scopeToken }, staffOf.support)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("revokes everyone but the admin doing it, only with the typed confirmation", async () => {
    await addSession("all1", "u_dave", "192.0.2.1");
    await addSession("all2", "u_alice", "192.0.2.2");
    await expect(run("sessions.revoke.all", { confirm: "yes" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(run("sessions.revoke.all", { confirm: "REVOKE ALL" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
    const { scopeToken } = await previewRevokeAll(t.d, staffOf.admin, NOW);
    const { result } = await run("sessions.revoke.all", { confirm: "REVOKE ALL", scopeToken });
    expect(result.sessionsRevoked).toBeGreaterThanOrEqual(1);
    expect(await liveSessions("u_dave")).toHaveLength(0);
    expect(await liveSessions("u_alice")).not.toHaveLength(0);
  });

  it("bulk-bans everything matching a filter in one transaction, after a preview", async () => {
    for (const i of [0, 1, 2]) await addSession(`fill${i}`, `u_fill00${i}`, "192.0.2.77");
    const input = { action: "ban", filter: { q: "fill.test" }, reason: "spam wave: fill.test" } as const;
    const preview = await previewBulk(t.d, { action: input.action, selection: { filter: input.filter } }, staffOf.moderator, staffRoleMap, NOW);
    expect(preview.users).toBe(65);
    expect(preview.sample).toHaveLength(10);
    const { result, records } = await run("users.bulk", { ...input, scopeToken: preview.scopeToken }, staffOf.moderator);
    expect(result).toMatchObject({ usersChanged: 65, sessionsRevoked: 3, usersSelected: 65 });
    expect(records[0]).toMatchObject({ action: "users.bulk.ban", targetCount: 65, reason: "spam wave: fill.test" });
    const banned = await t.d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).where("user.email", "like", "%fill.test").where("user.banned", "=", true).executeTakeFirstOrThrow();
    expect(Number(banned.n)).toBe(65);
    // Re-running is harmless: the same token (same selection, still 65) now skips them all as already banned.
    expect((await run("users.bulk", { ...input, scopeToken: preview.scopeToken }, staffOf.moderator)).result).toMatchObject({ usersSelected: 0, sessionsRevoked: 0, skipped: { alreadyBanned: 65 } });
    const unban = await previewBulk(t.d, { action: "unban", selection: { filter: input.filter } }, staffOf.moderator, staffRoleMap, NOW);
    expect((await run("users.bulk", { action: "unban", filter: { q: "fill.test" }, scopeToken: unban.scopeToken }, staffOf.moderator)).result).toMatchObject({ usersChanged: 65 });
  });

  it("skips (and reports) staff and the actor in a moderator's bulk action", async () => {
    const { result } = await run("users.bulk", { action: "revokeSessions", ids: ["u_moe", "u_sue", "u_bob"] }, staffOf.moderator);
    expect(result.skipped).toEqual({ self: 1, staff: 1, alreadyBanned: 0 });
    expect(result.usersSelected).toBe(1);
  });

  it("changes nothing when a bulk ban fails midway (the session store is down)", async () => {
    await addSession("atom1", "u_dave", "192.0.2.9");
    const broken: SessionStore = {
      removeSessions: async () => { throw new Error("store down"); },
      revokeUsers: async () => { throw new Error("store down"); },
      updateCachedUser: async () => ({ updated: 0 }),
      clearSessionFields: async () => ({ updated: 0 }),
      listUserSessions: async () => [],
      scanUserIds: async () => {},
      close: async () => {},
    };
    await expect(run("users.bulk", { action: "ban", ids: ["u_dave", "u_erin"], reason: "x" }, staffOf.moderator, { store: broken })).rejects.toThrow(/store down/);
    expect(await user("u_dave")).toMatchObject({ banned: true, banReason: "cooldown" }); // unchanged (expired ban from the fixture)
    expect(await user("u_erin")).toMatchObject({ banned: null });
    expect(await liveSessions("u_dave")).toHaveLength(1);
    expect((await listAudit(t.d, { ...noFilter, target: "u_erin" })).rows).toHaveLength(0);
  });

  it("serialises two moderators banning the same user at once: the second learns it is already banned", async () => {
    await addSession("race1", "u_pct", "192.0.2.10");
    const other = { ...staffOf.moderator, id: "u_zoe", email: "zoe@example.com" };
    const [a, b] = await Promise.allSettled([
      run("user.ban", { userId: "u_pct", reason: "first" }, staffOf.moderator),
      run("user.ban", { userId: "u_pct", reason: "second" }, other),
    ]);
    const done = [a, b].filter((r) => r.status === "fulfilled");
    const refused = [a, b].filter((r) => r.status === "rejected");
    expect(done).toHaveLength(1);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["conflict"]);
    expect((done[0] as PromiseFulfilledResult<{ result: Record<string, any> }>).value.result.sessionsRevoked).toBe(1);
    const final = await user("u_pct");
    expect(final?.banned).toBe(true);
    expect(["first", "second"]).toContain(final?.banReason);
    expect((await listAudit(t.d, { ...noFilter, target: "u_pct" })).rows).toHaveLength(1);
  });

  it("deletes a user (admin, typed confirmation) with their sessions and accounts", async () => {
    await addSession("del1", "u_erin", "192.0.2.11");
    await expect(run("user.delete", { userId: "u_erin", confirm: "wrong@example.com" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(run("user.delete", { userId: "u_erin", confirm: "erin@example.net" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
    expect((await run("user.delete", { userId: "u_erin", confirm: "Erin@Example.net" })).result).toEqual({ usersDeleted: 1, sessionsRevoked: 1 });
    expect(await user("u_erin")).toBeUndefined();
    await expect(run("user.delete", { userId: "u_alice", confirm: "alice@example.com" })).rejects.toMatchObject({ code: "conflict" });
  });
});
