import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { FactStream } from "../lib/spam/fact-stream";
import { loadFacts, type UserFacts } from "../lib/spam/facts";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

/**
 * The facts statement (lib/spam/facts.ts) on hand-made sessions: counts, days, the first and latest
 * session's address and client, ties at one instant, a user without sessions; the same answer from
 * the per-user plan (a bounded range) and the grouped plan (everyone).
 */
const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const T0 = Date.parse("2026-02-01T10:00:00Z");

interface S { ip: string; ua: string; at: number; refreshed?: number; id?: string }
const USERS: { id: string; at: number; sessions: S[] }[] = [
  // three sessions on two days, inserted out of start order; the latest was refreshed two days later
  { id: "u_a", at: T0, sessions: [
    { ip: "10.0.0.3", ua: "ua-3", at: T0 + DAY + 5_000, refreshed: T0 + 3 * DAY },
    { ip: "10.0.0.1", ua: "ua-1", at: T0 + 4_000 },
    { ip: "10.0.0.2", ua: "ua-2", at: T0 + 3_600_000 },
  ] },
  // two sessions at one instant, first and last: one of them is both the first and the latest (the one
  // read first for one user, heap order, as before; for everyone the lower session id: here the same)
  { id: "u_b", at: T0 + 1_000, sessions: [
    { ip: "10.0.1.1", ua: "first-inserted", at: T0 + 10_000 },
    { ip: "10.0.1.2", ua: "second-inserted", at: T0 + 10_000 },
  ] },
  // a tie at the latest instant only
  { id: "u_c", at: T0 + 2_000, sessions: [
    { ip: "10.0.2.1", ua: "sign-up", at: T0 + 12_000 },
    { ip: "10.0.2.2", ua: "later-a", at: T0 + 2 * DAY },
    { ip: "10.0.2.3", ua: "later-b", at: T0 + 2 * DAY },
  ] },
  { id: "u_d", at: T0 + 3_000, sessions: [] },
  // a tie whose heap order (insertion) is the reverse of its session ids' order
  { id: "u_e", at: T0 + 4_000, sessions: [
    { ip: "10.0.4.1", ua: "inserted-first", at: T0 + 20_000, id: "s_u_e_z" },
    { ip: "10.0.4.2", ua: "inserted-second", at: T0 + 20_000, id: "s_u_e_a" },
  ] },
];

const pick = (f: UserFacts) => ({ id: f.id, sessions: f.sessions, firstSessionAt: f.firstSessionAt, lastSeen: f.lastSeen, activeDays: f.activeDays, signupIp: f.signupIp, signupUa: f.signupUa, lastIp: f.lastIp, lastUa: f.lastUa, hasSignupSession: f.hasSignupSession });

describe.each(["default", "snake-plural-renamed"] as NamingName[])("spam facts statement (%s naming)", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant);
    await t.d.db.insertInto("user").values(USERS.map((u) => ({
      id: u.id, name: u.id, email: `${u.id}@example.com`, emailVerified: true, image: null, createdAt: new Date(u.at), updatedAt: new Date(u.at), role: "user", banned: false,
    }))).execute();
    // one row at a time, in the listed order: heap order is insertion order
    for (const u of USERS) for (const [k, s] of u.sessions.entries()) {
      await t.d.db.insertInto("session").values({
        id: s.id ?? `s_${u.id}_${k}`, userId: u.id, token: `t_${u.id}_${k}`, ipAddress: s.ip, userAgent: s.ua,
        createdAt: new Date(s.at), updatedAt: new Date(s.refreshed ?? s.at), expiresAt: new Date(s.at + 7 * DAY),
      }).execute();
    }
  });
  afterAll(async () => t?.cleanup());

  const expected = [
    { id: "u_a", sessions: 3, firstSessionAt: T0 + 4_000, lastSeen: T0 + 3 * DAY, activeDays: 3, signupIp: "10.0.0.1", signupUa: "ua-1", lastIp: "10.0.0.3", lastUa: "ua-3", hasSignupSession: true },
    { id: "u_b", sessions: 2, firstSessionAt: T0 + 10_000, lastSeen: T0 + 10_000, activeDays: 1, signupIp: "10.0.1.1", signupUa: "first-inserted", lastIp: "10.0.1.1", lastUa: "first-inserted", hasSignupSession: true },
    { id: "u_c", sessions: 3, firstSessionAt: T0 + 12_000, lastSeen: T0 + 2 * DAY, activeDays: 2, signupIp: "10.0.2.1", signupUa: "sign-up", lastIp: "10.0.2.2", lastUa: "later-a", hasSignupSession: true },
    { id: "u_d", sessions: 0, firstSessionAt: null, lastSeen: null, activeDays: 0, signupIp: null, signupUa: null, lastIp: null, lastUa: null, hasSignupSession: false },
    { id: "u_e", sessions: 2, firstSessionAt: T0 + 20_000, lastSeen: T0 + 20_000, activeDays: 1, signupIp: "10.0.4.1", signupUa: "inserted-first", lastIp: "10.0.4.1", lastUa: "inserted-first", hasSignupSession: true },
  ];
  // the grouped plan on a view breaks that tie by session id instead (no heap position there)
  const byId = expected.map((e) => (e.id === "u_e" ? { ...e, signupIp: "10.0.4.2", signupUa: "inserted-second", lastIp: "10.0.4.2", lastUa: "inserted-second" } : e));

  it("summarises each user's sessions in one row per user (a bounded range: the per-user plan)", async () => {
    const facts = await t.d.db.transaction().execute((trx) => loadFacts(t.d, trx, new Date(T0 - DAY), NOW, new Date(T0 + DAY)));
    expect(facts.map(pick)).toEqual(expected);
  });

  it("gives the same rows for everyone (the grouped plan), ties by session id", async () => {
    const facts = await t.d.db.transaction().execute((trx) => loadFacts(t.d, trx, null, NOW, null));
    expect(facts.map(pick)).toEqual(byId);
  });

  it("streams the same rows as the per-user plan through a cursor, in sign-up order, batch by batch", async () => {
    const parts = await t.d.db.transaction().execute(async (trx) => {
      await sql`set local statement_timeout = 4000`.execute(trx);
      const stream = await FactStream.open(t.d, trx, NOW, { batch: 2, timeoutMs: 5_000, firstFetchMs: 60_000 });
      if (!stream) throw new Error("a plain session table must stream");
      const timeout = async () => (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(trx)).rows[0]?.t;
      // u_a and u_b signed up before T0 + 1.5 s; a bound that no one reaches next returns nobody
      const parts = [await stream.readUntil(T0 + 1_500), await stream.readUntil(T0 + 1_500), await stream.readUntil(null), await stream.readUntil(null)];
      // the first FETCH ran with the pass's budget (60 s), then the engine's per-statement limit was
      // set back (5 s; the transaction had 4 s): neither left raised nor skipped
      expect(await timeout()).toBe("5s");
      return parts;
    });
    expect(parts.map((p) => p.map((f) => f.id))).toEqual([["u_a", "u_b"], [], ["u_c", "u_d", "u_e"], []]);
    expect(parts.flat().map(pick)).toEqual(expected);
  });

  it("declines a session relation that is not a plain table (a view has no heap position)", async () => {
    class Rollback extends Error {}
    const session = t.d.naming.qualified("session");
    let seen: { stream: FactStream | null; facts: UserFacts[] } | undefined;
    await t.d.db.transaction().execute(async (trx) => {
      await sql.raw(`alter table ${session} rename to session_base`).execute(trx);
      await sql.raw(`create view ${session} as select * from ${session.replace(/"[^"]*"$/, '"session_base"')}`).execute(trx);
      seen = { stream: await FactStream.open(t.d, trx, NOW, { timeoutMs: 4_000, firstFetchMs: 4_000 }), facts: await loadFacts(t.d, trx, null, NOW, null) };
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
    expect(seen?.stream).toBeNull();
    expect(seen?.facts.map(pick)).toEqual(byId);
  });
});
