import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cachedOverview, clearOverviewCache, warmOverview } from "../lib/overview/cache";
import type { Q } from "../lib/db/context";
import { type OverviewFigures, readModuleFigures, readOverview, readRecentActions, SIGNUP_DAYS } from "../lib/overview/figures";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures, NOW } from "./helpers/fixtures";

/** The staff overview's figures on the fixture world (real Postgres), counted by hand from helpers/fixtures.ts. */
describe("overview figures", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  it("counts sign-ups per UTC day over 90 days, every day present", async () => {
    const f = await readOverview(t.d, NOW);
    expect(f.signups).toHaveLength(SIGNUP_DAYS);
    expect(f.signups[0]?.day).toBe("2026-03-04");
    expect(f.signups.at(-1)?.day).toBe("2026-06-01");
    const byDay = Object.fromEntries(f.signups.filter((d) => d.count).map((d) => [d.day, d.count]));
    // pct, moe, sue, zoe on 4–7 March; 60 fillers on 1 April; 5 micro-timestamp users on 2 April.
    expect(byDay).toEqual({ "2026-03-04": 1, "2026-03-05": 1, "2026-03-06": 1, "2026-03-07": 1, "2026-04-01": 60, "2026-04-02": 5 });
  });

  it("counts active users from session activity, and the modules' figures (the admin plugin's bans in force)", async () => {
    const f = await readOverview(t.d, NOW);
    // Sessions: zoe NOW-1d, alice NOW-2d and NOW-30d, moe NOW-40d.
    expect(f.active).toEqual({ d1: 1, d7: 2, d30: 2 });
    // carol (no end) and zoe (ends in December); dave's ban has expired.
    expect(f.modules).toEqual({ admin: [{ id: "banned", label: "Banned", value: 2, href: "/users?status=banned" }] });
  });

  it("reads a module's figures only while it is on: with the admin plugin off there is no Banned figure", async () => {
    const off = { ...t.d, caps: { ...t.d.caps, modules: new Set([...t.d.caps.modules].filter((m) => m !== "admin")) } } as typeof t.d;
    expect((await readOverview(off, NOW)).modules).toEqual({});
  });

  it("reads every figure a module contributes, keyed by the module, in order", async () => {
    const count = (table: "user" | "session") => async (q: Q) => Number((await q.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    const figures = await readModuleFigures(
      t.d,
      [
        { id: "a", overviewFigures: [{ id: "users", label: "Users", read: count("user") }, { id: "sessions", label: "Sessions", read: count("session"), href: "/sessions" }] },
        { id: "b" },
      ],
      NOW,
    );
    const users = await count("user")(t.d);
    expect(users).toBeGreaterThan(60);
    expect(figures).toEqual({ a: [{ id: "users", label: "Users", value: users, href: null }, { id: "sessions", label: "Sessions", value: await count("session")(t.d), href: "/sessions" }] });
  });

  it("reads the recent staff actions apart from the cached figures (none without the audit table)", async () => {
    expect(await readRecentActions(t.d)).toBeNull();
  });
});

/**
 * The cache, stale-while-revalidate: the reads are counted and held open by a stand-in for
 * readOverview (the real one above), so what waits and what does not is observable.
 */
describe("overview cache", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
  });
  afterAll(async () => t?.cleanup());
  beforeEach(() => clearOverviewCache());

  /** A read that stays open until release(); each call records its own "now" as the figures' time. */
  function heldRead() {
    const pending: (() => void)[] = [];
    const read = vi.fn(
      (_q: unknown, now: Date = new Date()) =>
        new Promise<OverviewFigures>((resolve) => pending.push(() => resolve({ signups: [], active: { d1: read.mock.calls.length, d7: 0, d30: 0 }, modules: {}, at: now }))),
    );
    const release = async () => {
      for (const r of pending.splice(0)) r();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { read, release };
  }

  it("waits for the first read, then serves it for the TTL without reading again", async () => {
    const { read, release } = heldRead();
    const first = cachedOverview(t.d, { read });
    const concurrent = cachedOverview(t.d, { read });
    await release();
    const [a, b] = await Promise.all([first, concurrent]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(b.figures).toBe(a.figures);
    expect((await cachedOverview(t.d, { read })).figures).toBe(a.figures);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("serves stale figures at once past the TTL and refreshes them in the background, one read at a time", async () => {
    const { read, release } = heldRead();
    const first = cachedOverview(t.d, { read });
    await release();
    const old = (await first).figures;
    // Past the TTL: the old figures come back without waiting, marked as being refreshed.
    const stale = await Promise.race([cachedOverview(t.d, { read, ttlMs: 0 }), new Promise((r) => setTimeout(() => r("waited"), 1_000))]);
    expect(stale).toEqual({ figures: old, refreshing: true });
    await cachedOverview(t.d, { read, ttlMs: 0 });
    expect(read).toHaveBeenCalledTimes(2); // the second stale visit joined the read under way
    await release();
    const fresh = await cachedOverview(t.d, { read });
    expect(fresh.figures).not.toBe(old);
    expect(fresh.figures.active?.d1).toBe(2);
    expect(fresh.figures.at.getTime()).toBeGreaterThanOrEqual(old.at.getTime());
  });

  it("starts the background read when the caller schedules it (the page: after its response)", async () => {
    const { read, release } = heldRead();
    const first = cachedOverview(t.d, { read });
    await release();
    const old = (await first).figures;
    const tasks: (() => Promise<unknown>)[] = [];
    const schedule = (task: () => Promise<unknown>) => void tasks.push(task);
    expect((await cachedOverview(t.d, { read, ttlMs: 0, schedule })).figures).toBe(old);
    expect(read).toHaveBeenCalledTimes(1);
    expect(tasks).toHaveLength(1);
    const running = tasks[0]?.();
    expect(read).toHaveBeenCalledTimes(2);
    await release();
    await running;
    expect((await cachedOverview(t.d, { read })).figures).not.toBe(old);
  });

  it("keeps the older figures when a background read fails, and waits for a read once they are too old", async () => {
    const { read, release } = heldRead();
    const first = cachedOverview(t.d, { read });
    await release();
    const old = (await first).figures;
    const failing = vi.fn(() => Promise.reject(new Error("database went away")));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await cachedOverview(t.d, { read: failing, ttlMs: 0 })).figures).toBe(old);
    await new Promise((r) => setTimeout(r, 0));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("background read failed"), expect.any(Error));
    logged.mockRestore();
    expect((await cachedOverview(t.d, { read })).figures).toBe(old);
    // Older than the maximum age: this visit waits for the new read.
    let settled = false;
    const waiting = cachedOverview(t.d, { read, ttlMs: 0, maxAgeMs: 0 }).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    await release();
    expect((await waiting).figures).not.toBe(old);
  });

  it("is warmed at start, so the first visit does not read", async () => {
    const { read, release } = heldRead();
    const warming = warmOverview(async () => t.d, read);
    await new Promise((r) => setTimeout(r, 10)); // the read starts once the database is open
    await release();
    await warming;
    const visit = await cachedOverview(t.d, { read });
    expect(read).toHaveBeenCalledTimes(1);
    expect(visit.refreshing).toBe(false);
  });

  it("tries the read at start again when it or the connection fails, and stops once it succeeds", async () => {
    const { read, release } = heldRead();
    let calls = 0;
    const flaky = vi.fn((q: unknown, now?: Date) => (++calls === 1 ? Promise.reject(new Error("connection timeout")) : read(q, now)));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const warming = warmOverview(async () => t.d, flaky as never, 2, 10);
    await new Promise((r) => setTimeout(r, 50));
    await release();
    await warming;
    logged.mockRestore();
    expect(flaky).toHaveBeenCalledTimes(2);
    expect((await cachedOverview(t.d, { read })).refreshing).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
    // A database that cannot be opened yet: tried again; given up after the retries, quietly.
    clearOverviewCache();
    const open = vi.fn(() => Promise.reject(new Error("connection refused")));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    await warmOverview(open, read, 2, 1);
    quiet.mockRestore();
    expect(open).toHaveBeenCalledTimes(3);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("caches the real figures of the database", async () => {
    const { figures } = await cachedOverview(t.d);
    expect(figures.signups).toHaveLength(SIGNUP_DAYS);
    expect((await cachedOverview(t.d)).figures).toBe(figures);
  });
});
