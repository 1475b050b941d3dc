import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cachedOverview, clearOverviewCache, warmOverview } from "../lib/overview/cache";
import type { Q } from "../lib/db/context";
import { openDatabase } from "../lib/db/open";
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
 * The cache, stale-while-revalidate at any age: the reads are counted and held open by a stand-in
 * for readOverview (the real one above), so what waits and what does not is observable.
 */
describe("overview cache", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default");
  });
  afterAll(async () => t?.cleanup());
  beforeEach(() => clearOverviewCache());
  afterEach(() => vi.restoreAllMocks());

  /** A read that stays open until release() (or fail()); each call records its own "now" as the figures' time. */
  function heldRead() {
    const pending: { ok: () => void; no: (e: Error) => void }[] = [];
    const read = vi.fn(
      (_q: unknown, now: Date = new Date()) =>
        new Promise<OverviewFigures>((resolve, reject) => pending.push({ ok: () => resolve({ signups: [], active: { d1: read.mock.calls.length, d7: 0, d30: 0 }, modules: {}, at: now }), no: reject })),
    );
    const settle = async (how: "ok" | "no") => {
      for (const p of pending.splice(0)) how === "ok" ? p.ok() : p.no(new Error("database went away"));
      await tick();
    };
    return { read, release: () => settle("ok"), fail: () => settle("no") };
  }
  const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
  /** Background tasks as Next's `after` would hold them: run when the test says. */
  function afterQueue() {
    const tasks: (() => Promise<unknown>)[] = [];
    return { schedule: (task: () => Promise<unknown>) => void tasks.push(task), tasks, runAll: () => Promise.all(tasks.splice(0).map((task) => task())) };
  }
  /** Figures read `ageMs` ago, in the cache. */
  async function primed(ageMs: number) {
    const read = vi.fn(async (_q: unknown, now: Date = new Date()) => ({ signups: [], active: null, modules: {}, at: new Date(now.getTime() - ageMs) }));
    const first = await cachedOverview(t.d, { read });
    if (!first.figures) throw new Error("not primed");
    return first.figures;
  }

  it("waits for the first read, shared by concurrent visits, then serves it without reading again", async () => {
    const { read, release } = heldRead();
    const first = cachedOverview(t.d, { read });
    const concurrent = cachedOverview(t.d, { read });
    await release();
    const [a, b] = await Promise.all([first, concurrent]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(a.figures).not.toBeNull();
    expect(b.figures).toBe(a.figures);
    expect(await cachedOverview(t.d, { read })).toEqual({ figures: a.figures, refreshing: false, failed: false });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("serves figures of any age at once, and refreshes them in the background after the response", async () => {
    const old = await primed(3 * 86_400_000); // three days old: no maximum age any more
    const { read, release } = heldRead();
    const q = afterQueue();
    const served = await Promise.race([cachedOverview(t.d, { read, schedule: q.schedule }), tick(1_000).then(() => "waited")]);
    expect(served).toEqual({ figures: old, refreshing: true, failed: false });
    expect(read).not.toHaveBeenCalled(); // scheduled, not started: the page's `after` runs it
    expect(q.tasks).toHaveLength(1);
    // a second visit before the task runs schedules nothing more
    await cachedOverview(t.d, { read, schedule: q.schedule });
    expect(q.tasks).toHaveLength(1);
    const running = q.runAll();
    expect(read).toHaveBeenCalledTimes(1);
    await release();
    await running;
    const fresh = await cachedOverview(t.d, { read, schedule: q.schedule });
    expect(fresh.figures).not.toBe(old);
    expect(fresh).toMatchObject({ refreshing: false, failed: false });
    expect(q.tasks).toHaveLength(0); // fresh figures: no read for the next 30 s
  });

  it("starts at most one read per instance, even when it hangs, and reads at most every 30 s", async () => {
    await primed(60_000);
    const { read, release } = heldRead();
    for (let i = 0; i < 5; i++) {
      const r = await cachedOverview(t.d, { read }); // the default schedule: at once
      expect(r.refreshing).toBe(true);
    }
    expect(read).toHaveBeenCalledTimes(1); // four visits while the read hangs started none
    await release();
    for (let i = 0; i < 3; i++) await cachedOverview(t.d, { read });
    expect(read).toHaveBeenCalledTimes(1); // the figures are fresh: not due for 30 s
  });

  it("after a failed read keeps the older figures, says so, waits 30 s before the next, and logs once each way", async () => {
    const old = await primed(60_000);
    const { read, release, fail } = heldRead();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    await cachedOverview(t.d, { read });
    await fail();
    expect(await cachedOverview(t.d, { read })).toEqual({ figures: old, refreshing: false, failed: true });
    expect(read).toHaveBeenCalledTimes(1); // within the backoff: no new read
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/reading the figures failed \(the older figures are kept/);
    // past the backoff (0 here): one more read, which fails too: not logged again
    await cachedOverview(t.d, { read, backoffMs: 0 });
    expect(read).toHaveBeenCalledTimes(2);
    await fail();
    expect(errors).toHaveBeenCalledTimes(1);
    // then it works: logged once, the failure forgotten
    await cachedOverview(t.d, { read, backoffMs: 0 });
    await release();
    expect(logs.mock.calls.map((c) => c[0])).toEqual(["overview: reading the figures works again"]);
    const now = await cachedOverview(t.d, { read });
    expect(now.figures).not.toBe(old);
    expect(now).toMatchObject({ refreshing: false, failed: false });
  });

  it("makes a process that never read figures wait at most firstWaitMs, then answers 'unavailable' while the read goes on", async () => {
    const { read, release } = heldRead();
    const started = Date.now();
    expect(await cachedOverview(t.d, { read, firstWaitMs: 50 })).toEqual({ figures: null, refreshing: true, failed: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    // the next visit joins the same read (one read, even while it hangs)
    const second = cachedOverview(t.d, { read, firstWaitMs: 5_000 });
    await release();
    expect((await second).figures).not.toBeNull();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("answers 'unavailable' at once within the backoff after a first read failed, then tries again", async () => {
    const { read, release, fail } = heldRead();
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const first = cachedOverview(t.d, { read });
    await fail();
    expect(await first).toEqual({ figures: null, refreshing: false, failed: true });
    expect(await cachedOverview(t.d, { read })).toEqual({ figures: null, refreshing: false, failed: true });
    expect(read).toHaveBeenCalledTimes(1);
    const again = cachedOverview(t.d, { read, backoffMs: 0 });
    await release();
    expect((await again).figures).not.toBeNull();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("is warmed at start, so the first visit does not read", async () => {
    const { read, release } = heldRead();
    const warming = warmOverview(async () => t.d, read);
    await tick(10); // the read starts once the database is open
    await release();
    await warming;
    const visit = await cachedOverview(t.d, { read });
    expect(read).toHaveBeenCalledTimes(1);
    expect(visit).toMatchObject({ refreshing: false, failed: false });
  });

  it("opens the read at start's connection with the shared pool's capabilities, without introspecting again", async () => {
    const own = await openDatabase({ url: t.url, naming: t.naming, poolMax: 1, statementTimeoutMs: 10_000, caps: t.d.caps });
    try {
      expect(own.caps).toBe(t.d.caps);
      const { read, release } = heldRead();
      const warming = warmOverview(async () => own, read);
      await tick(10);
      await release();
      await warming;
      expect((await cachedOverview(t.d, { read })).figures?.active?.d1).toBe(1); // the same schema's entry
    } finally {
      await own.close();
    }
  });

  it("tries to open the database at start again when it cannot, and gives up quietly after the retries", async () => {
    const { read } = heldRead();
    const open = vi.fn(() => Promise.reject(new Error("connection refused")));
    vi.spyOn(console, "error").mockImplementation(() => {});
    await warmOverview(open, read, 2, 1);
    expect(open).toHaveBeenCalledTimes(3);
    expect(read).not.toHaveBeenCalled();
  });

  it("caches the real figures of the database", async () => {
    const { figures } = await cachedOverview(t.d);
    expect(figures?.signups).toHaveLength(SIGNUP_DAYS);
    expect((await cachedOverview(t.d)).figures).toBe(figures);
  });
});
