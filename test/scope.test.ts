import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction, parseInput } from "../lib/actions/runner";
import type { Staff } from "../lib/auth/staff";
import { previewBulk } from "../lib/moderation/bulk-actions";
import { bulkPreviewInput } from "../lib/moderation/schemas";
import { previewRevokeAll, previewRevokeFilter } from "../lib/moderation/session-actions";
import { depsFor, staffOf, staffRoleMap } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

// The scope tokens are signed with the dashboard's secret (read through getConfig, once).
process.env.BETTER_AUTH_SECRET = "scope-test-secret-0123456789abcdefghijklmnop";

const HOUR = 3_600_000;
const MIN = 60_000;

/** Who a bulk or filtered action may reach, and what its confirmation is bound to. */
describe("scope of bulk and filtered actions", () => {
  let t: TestDb;
  const run = (name: keyof typeof actions, input: unknown, staff: Staff = staffOf.admin, now = NOW) => {
    const { deps, records } = depsFor(t.d, staff, { now });
    return executeAction(actions[name] as never, deps, input).then((r) => ({ result: r as Record<string, any>, records: records() }));
  };
  const preview = async (input: unknown, staff: Staff = staffOf.admin, now = NOW) => previewBulk(t.d, parseInput(bulkPreviewInput, input), staff, staffRoleMap, now);
  const user = (id: string) =>
    t.d.db.selectFrom("user").select(["user.id", "user.banned", "user.banReason", "user.banExpires"]).where("user.id", "=", id).executeTakeFirstOrThrow();
  const bannedCount = async () =>
    Number((await t.d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).where("user.banned", "=", true).executeTakeFirstOrThrow()).n);
  const liveSessions = (userId: string) =>
    t.d.db.selectFrom("session").select("session.id").where("session.userId", "=", userId).where("session.expiresAt", ">", NOW).execute();
  const addSession = (id: string, userId: string, ip: string) =>
    t.d.db.insertInto("session").values({
      id, userId, token: `tok_${id}`, ipAddress: ip, userAgent: "curl/8", createdAt: new Date(NOW.getTime() - HOUR), updatedAt: NOW, expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    }).execute();
  const addUser = (id: string, email: string, ban: { banned: boolean; banReason?: string; banExpires?: Date | null } = { banned: false }) =>
    t.d.db.insertInto("user").values({
      id, name: id, email, emailVerified: false, image: null, createdAt: new Date("2026-05-01T00:00:00Z"), updatedAt: NOW, role: null,
      banned: ban.banned, banReason: ban.banReason ?? null, banExpires: ban.banExpires ?? null,
    }).execute();
  const resetBans = (domain: string) =>
    t.d.db.updateTable("user").set({ banned: false, banReason: null, banExpires: null }).where("user.email", "like", `%@${domain}`).execute();

  beforeAll(async () => {
    t = await createTestDb("default");
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  describe("strict inputs", () => {
    it.each([
      ["a misspelled filter key", { action: "ban", filter: { emial: "bob@gmail.com" }, reason: "x" }, /emial/],
      ["an unknown top-level key", { action: "revokeSessions", ids: ["u_bob"], filtr: { q: "x" } }, /filtr/],
      ["an empty filter", { action: "ban", filter: {}, reason: "x" }, /at least one filter/],
      ["a filter of blanks", { action: "revokeSessions", filter: { q: "  ", role: "" } }, /at least one filter/],
      ["ids and a filter", { action: "unban", ids: ["u_bob"], filter: { q: "bob" } }, /exactly one/],
      ["a confirmation phrase without the everyone scope", { action: "revokeSessions", ids: ["u_bob"], confirm: "SIGN OUT EVERYONE" }, /confirm/],
      ["replaceBans on an unban", { action: "unban", ids: ["u_bob"], replaceBans: true }, /replaceBans/],
    ])("refuses %s with a 400 naming it, changing nothing", async (_, input, message) => {
      const before = await bannedCount();
      await expect(run("users.bulk", input, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(message) });
      await expect(preview(input, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request" });
      expect(await bannedCount()).toBe(before);
    });

    it("refuses unknown keys in every moderation input and session filter", async () => {
      await expect(run("user.ban", { userId: "u_bob", reason: "x", duraton: "1h" }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/duraton/) });
      await expect(run("user.unban", { userId: "u_bob", force: true }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request" });
      await expect(run("sessions.revoke.filter", { filter: { ipp: "203.0.113.5" } }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/ipp/) });
      await expect(run("sessions.revoke.all", { confirm: "REVOKE ALL", everyone: true })).rejects.toMatchObject({ code: "invalid_request" });
      await expect(run("spam.clear", { userIds: ["u_bob"], reasn: "x" }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/reasn/) });
      expect((await user("u_bob")).banned).toBe(false);
    });

    it("never runs an action 'dry': dryRun belongs to the preview", async () => {
      await expect(run("users.bulk", { action: "revokeSessions", ids: ["u_bob"], dryRun: true }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/dryRun/) });
    });
  });

  describe("filters that reach everyone", () => {
    it.each([
      ["createdAfter=1970-01-01", { createdAfter: "1970-01-01" }],
      ["createdBefore far in the future", { createdBefore: "2999-01-01" }],
    ])("refuses a moderator's bulk filter %s that selects every user they may touch (403)", async (_, filter) => {
      const input = { action: "revokeSessions", filter };
      await expect(preview(input, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/admin-only/) });
      await expect(run("users.bulk", { ...input, scopeToken: "0.0.x" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
    });

    it("lets a moderator's filter through when it leaves someone they could touch out", async () => {
      const p = await preview({ action: "revokeSessions", filter: { createdAfter: "2026-03-02" } }, staffOf.moderator);
      expect(p.users).toBeGreaterThan(0);
      expect(p.scopeToken).toMatch(/^\d+\.\d+\./);
    });

    it("refuses a moderator's role=user filter on an app where every touchable user is 'user'", async () => {
      // Only users without a role are not "user" in the fixtures: make everyone (but staff) a "user".
      await t.d.db.updateTable("user").set({ role: "user" }).where("user.role", "is", null).execute();
      try {
        await expect(preview({ action: "revokeSessions", filter: { role: "user" } }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
        // An admin may (with the preview's token); staff are part of an admin's reach, so the filter is not "everyone" for them.
        expect((await preview({ action: "revokeSessions", filter: { role: "user" } })).users).toBeGreaterThan(60);
      } finally {
        await t.d.db.updateTable("user").set({ role: null }).where("user.role", "=", "user").where("user.id", "!=", "u_bob").execute();
      }
    });

    it("treats 0.0.0.0/0 and ::/0 as no filter, and refuses a moderator's session filter that ends every session they may end", async () => {
      await addSession("all_a", "u_bob", "192.0.2.1");
      for (const ip of ["0.0.0.0/0", "::/0"]) {
        await expect(run("sessions.revoke.filter", { filter: { ip } }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/at least one filter/) });
      }
      await expect(previewRevokeFilter(t.d, { createdAfter: new Date("1970-01-01") }, staffOf.moderator, staffRoleMap, NOW)).rejects.toMatchObject({ code: "forbidden" });
      await expect(run("sessions.revoke.filter", { filter: { createdAfter: "1970-01-01" } }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
      expect(await liveSessions("u_bob")).toHaveLength(1);
    });
  });

  describe("activity filters (lastActiveBefore, activeSince, neverActive) are judged like any other filter", () => {
    /** Every user but staff gets an old, expired session: "active at some point" then reaches everyone. */
    const withEveryoneActive = async (body: () => Promise<void>) => {
      const idle = await t.d.db.selectFrom("user").select("user.id").where("user.role", "is distinct from", "moderator").where("user.role", "is distinct from", "support")
        .where("user.role", "is distinct from", "user,admin").where((eb) => eb.not(eb.exists(eb.selectFrom("session").select("session.id").whereRef("session.userId", "=", "user.id")))).execute();
      const ids = idle.map((u) => `act_${u.id}`);
      const old = new Date("2025-01-01T00:00:00Z");
      await t.d.db.insertInto("session").values(idle.map((u) => ({
        id: `act_${u.id}`, userId: u.id, token: `tok_act_${u.id}`, ipAddress: "192.0.2.99", userAgent: "curl/8", createdAt: old, updatedAt: old, expiresAt: new Date(old.getTime() + HOUR),
      }))).execute();
      try {
        await body();
      } finally {
        await t.d.db.deleteFrom("session").where("session.id", "in", ids).execute();
      }
    };

    it.each([
      ["lastActiveBefore far in the future", { lastActiveBefore: "2999-01-01" }],
      ["lastActiveBefore far in the future, with neverActive=false and activeSince far in the past", { lastActiveBefore: "2999-01-01", neverActive: "false", activeSince: "1970-01-01" }],
      ["activeSince far in the past", { activeSince: "1970-01-01" }],
      ["neverActive=false", { neverActive: "false" }],
    ])("refuses a moderator's %s when it selects every user they may touch (403), preview and action alike", async (_, filter) => {
      await withEveryoneActive(async () => {
        const banned = await bannedCount();
        for (const action of ["revokeSessions", "ban"] as const) {
          const input = { action, filter, ...(action === "ban" ? { reason: "x" } : {}) };
          await expect(preview(input, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/admin-only/) });
          await expect(run("users.bulk", { ...input, scopeToken: "0.0.x" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
        }
        expect(await bannedCount()).toBe(banned);
      });
    });

    it("lets a moderator's activity filter through when it leaves someone they could touch out", async () => {
      // few of the users a moderator may touch have a session (u_zoe, u_bob), most never had one
      for (const filter of [{ activeSince: "2026-05-01" }, { neverActive: "false" }, { lastActiveBefore: "2026-05-01" }, { neverActive: "true" }]) {
        const p = await preview({ action: "revokeSessions", filter }, staffOf.moderator);
        expect(p.users, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(p.scopeToken).toMatch(/^\d+\.\d+\./);
      }
      const active = (await preview({ action: "revokeSessions", filter: { activeSince: "2026-05-01" } }, staffOf.moderator)).sample.map((u) => u.id);
      expect(active).toContain("u_zoe");
      expect(active).not.toContain("u_carol");
    });

    it("gives an admin's whole-base activity filter a token for that filter only, never for the everyone scope", async () => {
      const filter = { lastActiveBefore: "2999-01-01" };
      const p = await preview({ action: "revokeSessions", filter });
      expect(p.users).toBeGreaterThan(60);
      // the filter's token does not open the everyone action, and the everyone phrase does not go with a filter
      await expect(run("users.bulk", { action: "revokeSessions", scope: "everyone", confirm: "SIGN OUT EVERYONE", scopeToken: p.scopeToken })).rejects.toMatchObject({ code: "conflict" });
      await expect(run("users.bulk", { action: "revokeSessions", filter, confirm: "SIGN OUT EVERYONE", scopeToken: p.scopeToken })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/confirm/) });
      // nor does it cover another activity filter
      await expect(run("users.bulk", { action: "revokeSessions", filter: { lastActiveBefore: "2998-01-01" }, scopeToken: p.scopeToken })).rejects.toMatchObject({ code: "conflict" });
    });

    it.each([
      ["an empty activeSince", { activeSince: "" }, /activeSince/],
      ["a blank lastActiveBefore", { lastActiveBefore: "  " }, /lastActiveBefore/],
      ["an empty neverActive", { neverActive: "" }, /neverActive/],
      ["neverActive=yes", { neverActive: "yes" }, /neverActive: must be true or false/],
      ["an impossible date", { lastActiveBefore: "2026-02-30" }, /lastActiveBefore/],
      ["a misspelled activeSince", { activeSnce: "1970-01-01" }, /activeSnce/],
      ["a misspelled lastActiveBefore", { lastActiveBfore: "2999-01-01" }, /lastActiveBfore/],
      ["a misspelled neverActive", { neverActiv: "false" }, /neverActiv/],
      ["a misspelled key beside a valid one", { activeSince: "2026-05-01", lastActiveBefor: "2999-01-01" }, /lastActiveBefor/],
    ])("refuses %s with a 400 naming it, for a moderator and an admin", async (_, filter, message) => {
      for (const staff of [staffOf.moderator, staffOf.admin]) {
        const input = { action: "revokeSessions", filter };
        await expect(preview(input, staff)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(message) });
        await expect(run("users.bulk", { ...input, scopeToken: "0.0.x" }, staff)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(message) });
      }
    });
  });

  describe("acting on everyone", () => {
    it("is admin-only, needs the typed phrase and the preview's token, and spares staff", async () => {
      await addSession("ev_zoe", "u_zoe", "192.0.2.30");
      await addSession("ev_sue", "u_sue", "192.0.2.31");
      const input = { action: "revokeSessions", scope: "everyone" } as const;
      await expect(preview(input, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
      await expect(run("users.bulk", { ...input, confirm: "SIGN OUT EVERYONE" }, staffOf.moderator)).rejects.toMatchObject({ code: "forbidden" });
      const p = await preview(input);
      expect(p.skipped).toMatchObject({ self: 1, staff: 2 }); // alice herself; moe and sue
      await expect(run("users.bulk", { ...input, scopeToken: p.scopeToken })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/SIGN OUT EVERYONE/) });
      await expect(run("users.bulk", { ...input, confirm: "SIGN OUT EVERYONE" })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/preview/) });
      const { result, records } = await run("users.bulk", { ...input, confirm: "SIGN OUT EVERYONE", scopeToken: p.scopeToken });
      expect(result).toMatchObject({ usersSelected: p.users, skipped: { self: 1, staff: 2 } });
      expect(records[0]).toMatchObject({ action: "users.bulk.revokeSessions", before: { selection: { everyone: true } } });
      expect(await liveSessions("u_zoe")).toHaveLength(0);
      expect(await liveSessions("u_sue")).toHaveLength(1);
    });
  });

  describe("the confirmation acts on what was previewed", () => {
    const input = { action: "revokeSessions", filter: { q: "@tok.test" } } as const;
    beforeAll(async () => {
      for (const i of [1, 2, 3]) await addUser(`u_tok${i}`, `t${i}@tok.test`);
    });

    it("accepts the preview's token, from the same actor, within the window", async () => {
      const p = await preview(input, staffOf.moderator);
      expect(p.users).toBe(3);
      expect((await run("users.bulk", { ...input, scopeToken: p.scopeToken }, staffOf.moderator, new Date(NOW.getTime() + 9 * MIN))).result).toMatchObject({ usersSelected: 3 });
    });

    it("refuses a filter action without a token (400: preview first)", async () => {
      await expect(run("users.bulk", input, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/preview/) });
      await expect(run("users.bulk", { ...input, scopeToken: "garbage" }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request" });
    });

    it("refuses a stale, forged, other actor's or other action's token (409)", async () => {
      const p = await preview(input, staffOf.moderator);
      const token = p.scopeToken as string;
      const other = { ...staffOf.moderator, id: "u_zoe", email: "zoe@example.com" };
      const forged = token.replace(/^3\./, "4.");
      const flipped = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
      const unbanToken = (await preview({ ...input, action: "unban" }, staffOf.moderator)).scopeToken;
      const otherFilter = (await preview({ action: "revokeSessions", filter: { q: "tok.test" } }, staffOf.moderator)).scopeToken;
      const cases: [string | undefined, Staff, Date, RegExp][] = [
        [token, staffOf.moderator, new Date(NOW.getTime() + 11 * MIN), /10 minutes/],
        [forged, staffOf.moderator, NOW, /another/],
        [flipped, staffOf.moderator, NOW, /another/],
        [token, other, NOW, /another/],
        [unbanToken, staffOf.moderator, NOW, /another/],
        [otherFilter, staffOf.moderator, NOW, /another/],
      ];
      for (const [scopeToken, staff, now, message] of cases) {
        await expect(run("users.bulk", { ...input, scopeToken }, staff, now)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(message) });
      }
    });

    it("refuses when the selection changed between preview and confirm (409)", async () => {
      const p = await preview(input, staffOf.moderator);
      await addUser("u_tok4", "t4@tok.test");
      await expect(run("users.bulk", { ...input, scopeToken: p.scopeToken }, staffOf.moderator)).rejects.toMatchObject({
        code: "conflict", message: expect.stringMatching(/changed since the preview \(3 then, 4 now\)/),
      });
    });

    it("binds a filtered session revoke and revoke-everyone to their previews; fewer sessions (expired) is fine, more is not", async () => {
      await addSession("tk0", "u_carol", "192.0.2.200"); // outside the range: the filter is not "everyone"
      await addSession("tk1", "u_tok1", "198.18.0.1");
      await addSession("tk2", "u_tok2", "198.18.0.2");
      const filter = { ip: "198.18.0.0/24" };
      const p = await previewRevokeFilter(t.d, filter, staffOf.moderator, staffRoleMap, NOW);
      expect(p.sessions).toBe(2);
      await expect(run("sessions.revoke.filter", { filter }, staffOf.moderator)).rejects.toMatchObject({ code: "invalid_request" });
      await addSession("tk3", "u_tok3", "198.18.0.3");
      await expect(run("sessions.revoke.filter", { filter, scopeToken: p.scopeToken }, staffOf.moderator)).rejects.toMatchObject({ code: "conflict" });
      await t.d.db.deleteFrom("session").where("session.id", "in", ["tk2", "tk3"]).execute();
      expect((await run("sessions.revoke.filter", { filter, scopeToken: p.scopeToken }, staffOf.moderator)).result).toMatchObject({ sessionsRevoked: 1 });

      const all = await previewRevokeAll(t.d, staffOf.admin, NOW);
      await expect(run("sessions.revoke.all", { confirm: "REVOKE ALL" })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/preview/) });
      await addSession("tk5", "u_tok1", "198.18.0.5");
      await expect(run("sessions.revoke.all", { confirm: "REVOKE ALL", scopeToken: all.scopeToken })).rejects.toMatchObject({ code: "conflict" });
      const again = await previewRevokeAll(t.d, staffOf.admin, NOW);
      expect((await run("sessions.revoke.all", { confirm: "REVOKE ALL", scopeToken: again.scopeToken })).result.sessionsRevoked).toBe(again.sessions);
    });
  });

  describe("bulk bans keep existing bans", () => {
    const later = new Date(NOW.getTime() + 30 * 24 * HOUR);
    beforeEach(async () => {
      await t.d.db.deleteFrom("user").where("user.email", "like", "%@bans.test").execute();
      await addUser("u_b1", "b1@bans.test");
      await addUser("u_b2", "b2@bans.test", { banned: true, banReason: "old permanent" });
      await addUser("u_b3", "b3@bans.test", { banned: true, banReason: "old temporary", banExpires: later });
      await addUser("u_b4", "b4@bans.test", { banned: true, banReason: "lapsed", banExpires: new Date(NOW.getTime() - HOUR) });
    });
    const ids = ["u_b1", "u_b2", "u_b3", "u_b4"];

    it("skips and reports users already banned: a permanent ban is not shortened, a later end not brought forward", async () => {
      const p = await preview({ action: "ban", ids });
      expect([p.users, p.skipped.alreadyBanned]).toEqual([2, 2]);
      const { result, records } = await run("users.bulk", { action: "ban", ids, reason: "new wave", duration: "7d" });
      expect(result).toMatchObject({ usersChanged: 2, usersSelected: 2, skipped: { alreadyBanned: 2 } });
      expect(await user("u_b2")).toMatchObject({ banned: true, banReason: "old permanent", banExpires: null });
      expect(await user("u_b3")).toMatchObject({ banReason: "old temporary", banExpires: later });
      expect(await user("u_b1")).toMatchObject({ banned: true, banReason: "new wave" });
      // the lapsed ban is not in force: it is replaced, and its old values are kept in the audit
      expect(await user("u_b4")).toMatchObject({ banReason: "new wave" });
      expect(records[0]?.targetIds.sort()).toEqual(["u_b1", "u_b4"]);
      expect(records[0]?.before.previousBans).toEqual([{ id: "u_b4", banReason: "lapsed", banExpires: new Date(NOW.getTime() - HOUR).toISOString() }]);
    });

    it("replaces bans only with replaceBans, keeping each previous reason and end in the audit record", async () => {
      const { result, records } = await run("users.bulk", { action: "ban", ids, reason: "final", duration: "1d", replaceBans: true });
      expect(result).toMatchObject({ usersChanged: 4, skipped: { alreadyBanned: 0 } });
      expect(await user("u_b2")).toMatchObject({ banReason: "final", banExpires: new Date(NOW.getTime() + 24 * HOUR) });
      const previous = [...(records[0]?.before.previousBans ?? [])].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
      expect(previous).toEqual([
        { id: "u_b2", banReason: "old permanent", banExpires: null },
        { id: "u_b3", banReason: "old temporary", banExpires: later.toISOString() },
        { id: "u_b4", banReason: "lapsed", banExpires: new Date(NOW.getTime() - HOUR).toISOString() },
      ]);
    });

    it("by filter too: the token's count is the selection, whichever bans are kept", async () => {
      const input = { action: "ban", filter: { q: "@bans.test" }, reason: "by filter" } as const;
      const p = await preview(input, staffOf.moderator);
      expect([p.users, p.skipped.alreadyBanned]).toEqual([2, 2]);
      expect((await run("users.bulk", { ...input, scopeToken: p.scopeToken }, staffOf.moderator)).result).toMatchObject({ usersChanged: 2, skipped: { alreadyBanned: 2 } });
      await resetBans("bans.test");
    });

    it("a single ban on a banned user is an explicit change: 409 without replaceBan; the audit keeps the old ban", async () => {
      await expect(run("user.ban", { userId: "u_b2", reason: "shorter", duration: "1h" }, staffOf.moderator)).rejects.toMatchObject({
        code: "conflict", message: expect.stringMatching(/already banned permanently.*replaceBan/),
      });
      expect(await user("u_b2")).toMatchObject({ banReason: "old permanent", banExpires: null });
      const { records } = await run("user.ban", { userId: "u_b2", reason: "shorter", duration: "1h", replaceBan: true }, staffOf.moderator);
      expect(records[0]?.before).toMatchObject({ banned: true, banReason: "old permanent", banExpires: null });
      // a lapsed ban is no ban: banning again needs no flag
      await run("user.ban", { userId: "u_b4", reason: "again" }, staffOf.moderator);
    });
  });
});
