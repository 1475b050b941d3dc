import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { installAuditTable } from "../lib/audit/table";
import { keptActivity, LAST_ACTIVE_PER_USER_MAX } from "../lib/sessions/revoke";
import { getUserDetail } from "../lib/users/detail";
import { listUsers } from "../lib/users/queries";
import { parseUserListParams } from "../lib/users/list-params";
import { depsFor, staffOf } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

/**
 * A ban ends every session: the dashboard must not then call an active user "never signed in".
 * The ban's audit record keeps each user's last activity; the user page and the users list read it.
 */
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function addSessions(t: TestDb, userId: string, days: number[]) {
  await t.d.db
    .insertInto("session")
    .values(
      days.map((d, i) => ({
        id: `${userId}_s${i}`, userId, token: `tok_${userId}_${i}`, ipAddress: "203.0.113.9", userAgent: "Mozilla/5.0",
        createdAt: ago(d + 1), updatedAt: ago(d), expiresAt: new Date(NOW.getTime() + 7 * DAY),
      })),
    )
    .execute();
}

const ban = (t: TestDb, userId: string, opts: { preserveSessions?: boolean } = {}) => {
  const { deps, records } = depsFor(t.d, staffOf.moderator, { now: NOW, ...opts });
  return executeAction(actions["user.ban"] as never, deps, { userId, reason: "spam" }).then(() => records()[0]);
};
const titles = (findings: { title: string }[]) => findings.map((f) => f.title).join(" | ");

describe("last activity after sessions were ended (audit table installed)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  // The audit record is stamped with the database clock when the ban ran (not the fixture's NOW):
  // that moment is when the sessions were ended.
  let endedAt: Date;
  const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

  it("keeps the banned user's last activity in the audit record and shows it on the user page", async () => {
    await addSessions(t, "u_bob", [5, 3, 2]);
    const record = await ban(t, "u_bob");
    expect(record.before.lastActive).toEqual({ u_bob: ago(2).toISOString() });
    endedAt = new Date(record.at);

    const detail = await getUserDetail(t.d, "u_bob", NOW);
    expect(detail?.activeTotal).toBe(0);
    expect(detail?.user.lastActiveAt).toBeNull();
    expect(detail?.user.keptActivity).toEqual({ lastActive: ago(2), endedAt, action: "user.ban" });
    const finding = detail?.findings.find((f) => f.code === "no_session_now");
    expect(finding?.title).toBe("No session now");
    expect(finding?.detail).toBe(`Last active 2 days ago (2026-05-30 00:00 UTC), kept when sessions were ended by user.ban on ${minute(endedAt)}. The user has to sign in again.`);
    expect(titles(detail?.findings ?? [])).not.toMatch(/never/i);
  });

  it("shows the kept last activity in the users list, for the rows with no session only", async () => {
    const { rows } = await listUsers(t.d, parseUserListParams({ q: "bob@gmail" }), NOW);
    const bob = rows.find((r) => r.id === "u_bob");
    expect(bob?.lastActiveAt).toBeNull();
    expect(bob?.keptActivity).toEqual({ lastActive: ago(2), endedAt, action: "user.ban" });
    const { rows: all } = await listUsers(t.d, parseUserListParams({ limit: "100" }), NOW);
    expect(all.find((r) => r.id === "u_alice")).toMatchObject({ lastActiveAt: ago(2) });
    expect(all.find((r) => r.id === "u_alice")?.keptActivity).toBeUndefined();
    // A user no record speaks for: nothing kept, and nothing invented.
    expect(all.find((r) => r.id === "u_pct")?.keptActivity).toBeNull();
  });

  it("keeps the activity the rows had before, when revoking expires rows instead of deleting them", async () => {
    await addSessions(t, "u_erin", [4]);
    const record = await ban(t, "u_erin", { preserveSessions: true });
    expect(record.before.lastActive).toEqual({ u_erin: ago(4).toISOString() });
  });

  it("says 'no session recorded', not 'never signed in', when nothing kept an activity", async () => {
    const detail = await getUserDetail(t.d, "u_pct", NOW);
    expect(detail?.findings.find((f) => f.code === "no_session_recorded")?.title).toBe("No session recorded");
    expect(titles(detail?.findings ?? [])).not.toMatch(/never/i);
  });

  it("keeps one entry per user up to a bound, then only the latest", () => {
    const few = { a: "2026-05-01T00:00:00.000Z", b: "2026-05-03T00:00:00.000Z" };
    expect(keptActivity(few)).toEqual({ lastActive: few });
    expect(keptActivity({})).toEqual({});
    const many = Object.fromEntries(Array.from({ length: LAST_ACTIVE_PER_USER_MAX + 1 }, (_, i) => [`u${i}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()]));
    expect(keptActivity(many)).toEqual({ lastActiveMax: new Date(Date.UTC(2026, 0, 1) + LAST_ACTIVE_PER_USER_MAX * 60_000).toISOString() });
  });
});

describe("last activity after sessions were ended (no audit table)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  it("makes no 'never' claim about a banned user whose sessions are gone", async () => {
    await addSessions(t, "u_bob", [3]);
    await ban(t, "u_bob");
    expect(await sql`select to_regclass(${`${t.schema}.dashboard_audit_log`}) as t`.execute(t.raw).then((r) => (r.rows[0] as { t: unknown }).t)).toBeNull();
    const detail = await getUserDetail(t.d, "u_bob", NOW);
    expect(detail?.user.keptActivity).toBeUndefined();
    expect(titles(detail?.findings ?? [])).not.toMatch(/never/i);
    expect(detail?.findings.find((f) => f.code === "no_session_recorded")?.detail).toMatch(/expired, were deleted/);
    const { rows } = await listUsers(t.d, parseUserListParams({ q: "bob@gmail" }), NOW);
    expect(rows.find((r) => r.id === "u_bob")).toMatchObject({ lastActiveAt: null });
  });
});
