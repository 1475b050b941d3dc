import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCursor } from "../lib/db/cursor";
import { seedDatabase } from "../lib/seed/insert";
import { leastActivePage } from "../lib/users/least-active";
import { parseUserListParams } from "../lib/users/list-params";
import { listUsers, SEARCH_TUNING, type SearchTuning } from "../lib/users/queries";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

/**
 * The least-recently-active sort (sort=lastActiveAt) answered by least-active.ts's walk gives the
 * plain aggregate's pages, row for row, across every cursor: with filters, at several page sizes,
 * with a walk cap small enough that some pages fall back to the aggregate mid-list (cursors cross
 * between the two), and on both namings (the walk writes its SQL with the mapped names).
 */
describe.each(["default", "snake-plural-renamed"] as NamingName[])("least recently active first (%s naming)", (variant) => {
  let t: TestDb;
  const now = new Date();
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await createTestDb(variant, ["admin", "username"]);
    await seedDatabase(t.raw, t.naming, { users: 120, seed: 11, concurrency: 1 });
    // Ties the order must break the same way: two users whose latest sessions share a timestamp,
    // a user with two sessions at the same latest time, and old sessions of users active since.
    const users = await t.d.db.selectFrom("user").select("user.id").orderBy("user.id").limit(6).execute();
    const at = new Date(now.getTime() - 40 * DAY);
    const session = (userId: string, id: string, updatedAt: Date) => ({
      id, userId, token: `tok_${id}`, expiresAt: new Date(updatedAt.getTime() + 7 * DAY), createdAt: updatedAt, updatedAt, ipAddress: "198.51.100.7", userAgent: "test",
    });
    await t.d.db.deleteFrom("session").where("session.userId", "in", users.map((u) => u.id)).execute();
    const [a, b, c, d] = users.map((u) => u.id);
    if (!a || !b || !c || !d) throw new Error("the seed has too few users");
    await t.d.db
      .insertInto("session")
      .values([
        session(a, "tie_a", at), session(b, "tie_b", at),
        session(c, "twin_1", at), session(c, "twin_2", at),
        session(d, "old_d", new Date(now.getTime() - 300 * DAY)), session(d, "new_d", new Date(now.getTime() - DAY)),
      ])
      .execute();
  });
  afterAll(async () => t?.cleanup());

  /** Every page of the sort, as (id, last activity) in order. */
  async function walk(query: Record<string, string>, limit: number, tuning: SearchTuning) {
    const out: [string, string | null][] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 1_000; guard++) {
      const page = await listUsers(t.d, parseUserListParams({ ...query, sort: "lastActiveAt", limit: String(limit), ...(cursor ? { cursor } : {}) }), now, tuning);
      out.push(...page.rows.map((r): [string, string | null] => [r.id, r.lastActiveAt?.toISOString() ?? null]));
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error("paging did not end");
  }

  const plain = { ...SEARCH_TUNING, activityWalk: 0 };
  const queries: Record<string, string>[] = [
    {},
    { role: "user" },
    { verified: "false" },
    { status: "banned" },
    { q: "son" },
    { lastActiveBefore: new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10) },
    { neverActive: "false" },
    { activeSince: new Date(now.getTime() - 90 * DAY).toISOString().slice(0, 10) },
  ];

  it.each(queries)("gives the plain aggregate's pages for %j", async (query) => {
    for (const limit of [3, 40]) {
      const reference = await walk(query, limit, plain);
      expect(await walk(query, limit, SEARCH_TUNING)).toEqual(reference);
      // A cap of 5 sessions: some pages come from the walk, others from the aggregate.
      expect(await walk(query, limit, { ...SEARCH_TUNING, activityWalk: 5 })).toEqual(reference);
    }
  });

  it("orders never-active users first, then the oldest activity, ties by id", async () => {
    const rows = await walk({}, 25, SEARCH_TUNING);
    const firstActive = rows.findIndex(([, at]) => at !== null);
    expect(firstActive).toBeGreaterThan(0);
    expect(rows.slice(firstActive).every(([, at]) => at !== null)).toBe(true);
    const never = rows.slice(0, firstActive).map(([id]) => id);
    expect(never).toEqual([...never].sort());
    const active = rows.slice(firstActive);
    for (let i = 1; i < active.length; i++) {
      const [prevId, prevAt] = active[i - 1] ?? [];
      const [id, at] = active[i] ?? [];
      expect(prevAt! < at! || (prevAt === at && (prevId ?? "") < (id ?? ""))).toBe(true);
    }
    // each user once, the twin sessions' owner included
    expect(new Set(rows.map(([id]) => id)).size).toBe(rows.length);
    const total = await t.d.db.selectFrom("user").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(total.n));
  });

  it("answers from the walk (no aggregate) for the first page, one among the never-active and one among the active", async () => {
    const p = parseUserListParams({ sort: "lastActiveAt", limit: "10" });
    const first = await leastActivePage(t.d, p, null, now, SEARCH_TUNING.activityWalk);
    const reference = await listUsers(t.d, p, now, plain);
    expect(first?.slice(0, 10).map((k) => k.id)).toEqual(reference.rows.map((r) => r.id));
    // a cursor past every never-active user: the next page comes from the session walk
    const all = await walk({}, 50, plain);
    const lastNever = all.findIndex(([, at]) => at !== null) - 1;
    const activeCursor = await listUsers(t.d, parseUserListParams({ sort: "lastActiveAt", limit: String(lastNever + 3) }), now, plain);
    const cursor = decodeCursor(activeCursor.nextCursor ?? "", "lastActiveAt");
    const later = await leastActivePage(t.d, p, cursor, now, SEARCH_TUNING.activityWalk);
    expect(later?.slice(0, 10).map((k) => k.id)).toEqual(all.slice(lastNever + 3, lastNever + 13).map(([id]) => id));
    // the walk is off at 0: the caller's aggregate answers
    expect(await leastActivePage(t.d, p, null, now, 0)).toBeNull();
  });
});
