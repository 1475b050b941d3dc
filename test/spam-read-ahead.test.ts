import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import { expectedError } from "../lib/errors";
import { computeSpam } from "../lib/spam/engine";
import { createTestDb, type TestDb } from "./helpers/db";

/**
 * The engine sends each slice's read while the slice before it is scored (lib/spam/engine.ts). When
 * that read fails, the transaction is aborted and every statement queued behind it fails with
 * "current transaction is aborted": the pass must reject with the read's own error, here a statement
 * timeout (a 503 "timeout" that tells the operator what happened), not with that consequence (a 500).
 */
const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
// Ten days apart: with 7-day margins and a slice per day, u_2 is read by the second slice's read,
// sent while the first slice is scored. The first slice is a burst of scripted sign-ups from one
// address, so its scoring asks the database which of its flagged accounts were cleared: a statement
// queued behind the slow read.
const BURST = Array.from({ length: 12 }, (_, k) => ({ id: `b_${k}`, at: NOW.getTime() - 40 * DAY + k * 60_000, email: `x${k}q${k}z@mailinator.com`, ip: "203.0.113.7", ua: "python-requests/2.31.0" }));
const USERS = [
  ...BURST,
  ...[1, 2, 3].map((k) => ({ id: `u_${k}`, at: NOW.getTime() - (40 - 10 * k) * DAY, email: `u_${k}@example.com`, ip: `10.0.0.${k}`, ua: "Mozilla/5.0" })),
];

describe.runIf(!inject("embedded"))("a spam pass whose read-ahead fails", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
    await t.d.db.insertInto("user").values(USERS.map((u) => ({
      id: u.id, name: u.id, email: u.email, emailVerified: !u.id.startsWith("b_"), image: null, createdAt: new Date(u.at), updatedAt: new Date(u.at), role: "user", banned: false,
    }))).execute();
    await t.d.db.insertInto("session").values(USERS.map((u) => ({
      id: `s_${u.id}`, userId: u.id, token: `t_${u.id}`, ipAddress: u.ip, userAgent: u.ua, createdAt: new Date(u.at + 1_000), updatedAt: new Date(u.at + 1_000), expiresAt: new Date(u.at + 7 * DAY),
    }))).execute();
    // u_2's session takes 2 s to read in a slice's read (the per-user facts statement, a lateral
    // join): the session table behind a view that sleeps on it there
    const session = t.d.naming.qualified("session");
    const base = session.replace(/"[^"]*"$/, '"session_base"');
    const slow = session.replace(/"[^"]*"$/, '"slow_row"');
    await sql.raw(`alter table ${session} rename to session_base`).execute(t.raw);
    await sql.raw(`create function ${slow}(uid text) returns boolean language plpgsql as $$ begin if uid = 'u_2' and current_query() ilike '%join lateral%' then perform pg_sleep(2); end if; return true; end $$`).execute(t.raw);
    await sql.raw(`create view ${session} as select * from ${base} where ${slow}("userId")`).execute(t.raw);
    // the "not spam" decisions live in the audit table: with it, flagged accounts are looked up there
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
  });
  afterAll(() => t?.cleanup());

  it("has flagged accounts in the first slice (so the pass queues a statement behind the read)", async () => {
    const r = await computeSpam(t.d, { now: NOW, sinceDays: 45, slice: { users: 1, days: 0 }, timeoutMs: 5_000 });
    expect(BURST.filter((b) => (r.accounts.get(b.id)?.score ?? 0) >= r.thresholds.review).length).toBeGreaterThan(0);
  });

  it("rejects with the read's statement timeout, not with the aborted transaction behind it", async () => {
    const err = await computeSpam(t.d, { now: NOW, sinceDays: 60, slice: { users: 1, days: 0 }, timeoutMs: 500 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect((err as { code?: string }).code).toBe("57014");
    expect(expectedError(err)?.code).toBe("timeout");
  });

  it("scores the same data when nothing is slow (the view answers)", async () => {
    const r = await computeSpam(t.d, { now: NOW, sinceDays: 25, slice: { users: 1, days: 0 }, timeoutMs: 5_000 });
    // u_2 and u_3 signed up 20 and 10 days ago: inside a 25-day window, read (u_2 slowly) and scored
    expect(r.stats.scored).toBe(2);
    expect(r.stats.slices).toBe(2);
  });
});
