import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { installAuditTable } from "../lib/audit/table";
import type { Staff } from "../lib/auth/staff";
import { type Database, openDatabase } from "../lib/db/open";
import { depsFor } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";

const ROUNDS = 30;
const PAIRS = 60;

/**
 * Invariants that only break when two staff members act at the same instant: real Postgres, real
 * transactions, requests raced through executeAction many times. Counts are printed for the report.
 */
describe("invariants under concurrency", () => {
  let t: TestDb;
  let d: Database; // a pool wide enough that every raced request has its own connection

  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    // 120 raced actions queue for 12 connections behind one row lock: on a loaded machine the wait for
    // a free connection can pass the 3 s default (a 503 by design), which is not what this file tests.
    d = await openDatabase({ url: t.url, naming: t.naming, poolMax: 12, statementTimeoutMs: 20_000, connectTimeoutMs: 60_000 });
  });
  afterAll(async () => {
    await d?.close();
    await t?.cleanup();
  });

  const staff = (id: string, role: Staff["role"] = "admin"): Staff => ({ id, email: `${id}@corp.test`, name: id, role, appRole: role });
  const run = (name: keyof typeof actions, actor: Staff, input: unknown) => {
    const { deps, lines } = depsFor(d, actor);
    return executeAction(actions[name] as never, deps, input).then(
      () => ({ ok: true as const, lines }),
      (err: { code?: string }) => ({ ok: false as const, code: err.code ?? String(err), lines }),
    );
  };
  const addUsers = async (users: { id: string; role: string | null }[]) => {
    const now = new Date();
    await d.db
      .insertInto("user")
      .values(users.map((u) => ({ id: u.id, name: u.id, email: `${u.id}@corp.test`, emailVerified: true, image: null, createdAt: now, updatedAt: now, role: u.role, banned: false })))
      .execute();
  };
  /** Admins left: an admin role and no ban in force (what the staff check accepts). */
  const adminsLeft = async (ids: string[]) => {
    const rows = await d.db.selectFrom("user").select(["user.id", "user.role", "user.banned"]).where("user.id", "in", ids).execute();
    return rows.filter((r) => r.role === "admin" && r.banned !== true).length;
  };

  /** Two fresh admins per round (and nobody else holding the role), racing `act` at each other. */
  async function race(label: string, act: (me: string, other: string) => Promise<{ ok: boolean; code?: string }>) {
    let lockedOut = 0;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < ROUNDS; i++) {
      await sql`delete from ${sql.id(t.schema, "user")}`.execute(t.raw);
      const [a, b] = [`${label}_a${i}`, `${label}_b${i}`];
      await addUsers([{ id: a, role: "admin" }, { id: b, role: "admin" }]);
      const results = await Promise.all([act(a, b), act(b, a)]);
      for (const r of results) outcomes[r.ok ? "ok" : r.code ?? "?"] = (outcomes[r.ok ? "ok" : r.code ?? "?"] ?? 0) + 1;
      if ((await adminsLeft([a, b])) === 0) lockedOut++;
    }
    console.log(`[concurrency] ${label}: ${ROUNDS} rounds, ${lockedOut} left zero admins; outcomes ${JSON.stringify(outcomes)}`);
    return { lockedOut, outcomes };
  }

  it("two admins demoting each other at once always leave one admin", async () => {
    const { lockedOut, outcomes } = await race("demote", (me, other) => run("user.setRole", staff(me), { userId: other, role: "user" }));
    expect(lockedOut).toBe(0);
    // one of each pair wins; the other is refused as the last admin (or as no longer an admin)
    expect(outcomes.ok).toBe(ROUNDS);
  });

  it("two admins deleting each other at once always leave one admin", async () => {
    const { lockedOut, outcomes } = await race("delete", (me, other) => run("user.delete", staff(me), { userId: other, confirm: `${other}@corp.test` }));
    expect(lockedOut).toBe(0);
    expect(outcomes.ok).toBe(ROUNDS);
  });

  it("two admins banning each other at once always leave one admin", async () => {
    const { lockedOut, outcomes } = await race("ban", (me, other) => run("user.ban", staff(me), { userId: other, reason: "race" }));
    expect(lockedOut).toBe(0);
    expect(outcomes.ok).toBe(ROUNDS);
  });

  it("a bulk ban racing a demotion always leaves one admin", async () => {
    const { lockedOut } = await race("bulk", (me, other) =>
      me.includes("_a") ? run("users.bulk", staff(me), { action: "ban", ids: [other], reason: "race" }) : run("user.setRole", staff(me), { userId: other, role: "user" }),
    );
    expect(lockedOut).toBe(0);
  });

  it("refuses the last admin's removal with 409 and lets a non-admin ban through without the admin lock", async () => {
    await sql`delete from ${sql.id(t.schema, "user")}`.execute(t.raw);
    await addUsers([{ id: "solo", role: "admin" }, { id: "other", role: "admin" }, { id: "plain", role: "user" }]);
    await d.db.updateTable("user").set({ banned: true, banReason: "x", banExpires: null }).where("user.id", "=", "other").execute();
    // "other" holds the role but is banned: "solo" is the last effective admin
    expect(await run("user.setRole", staff("other"), { userId: "solo", role: "user" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run("user.delete", staff("other"), { userId: "solo", confirm: "solo@corp.test" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run("user.ban", staff("plain", "moderator"), { userId: "solo", reason: "x" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run("user.ban", staff("solo"), { userId: "plain", reason: "x" })).toMatchObject({ ok: true });
    expect(await adminsLeft(["solo"])).toBe(1);
  });

  it("stamps audit records in commit order: 60 concurrent ban/unban pairs on one user", async () => {
    await sql`delete from ${sql.id(t.schema, "user")}`.execute(t.raw);
    await sql`delete from ${sql.id(t.schema, "dashboard_audit_log")}`.execute(t.raw);
    await addUsers([{ id: "mod1", role: "moderator" }, { id: "mod2", role: "moderator" }, { id: "target", role: "user" }]);
    const results = await Promise.all(
      Array.from({ length: PAIRS }, () => [
        // replaceBan: a ban that finds the user already banned renews it (a 409 otherwise, by design)
        run("user.ban", staff("mod1", "moderator"), { userId: "target", reason: "spam", replaceBan: true }),
        run("user.unban", staff("mod2", "moderator"), { userId: "target" }),
      ]).flat(),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const final = await d.db.selectFrom("user").select("user.banned").where("user.id", "=", "target").executeTakeFirstOrThrow();
    const { rows } = await sql<{ at: string; before: { banned: boolean | null }; after: { banned: boolean } }>`
      select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, before, after from ${sql.id(t.schema, "dashboard_audit_log")} where 'target' = any(target_ids) order by at, id`.execute(t.raw);
    expect(rows).toHaveLength(2 * PAIRS);
    // Each action read the state the previous commit left (it waited for the row lock), so in `at`
    // order every record's "before" is the previous record's "after": a chain, broken if `at` lies.
    let breaks = 0;
    for (let i = 1; i < rows.length; i++) if (Boolean(rows[i]?.before.banned) !== rows[i - 1]?.after.banned) breaks++;
    const last = rows.at(-1);
    // stdout lines: the same order and the same last word
    const lines = results.flatMap((r) => r.lines.map((l) => JSON.parse(l) as { at: string; after: { banned: boolean } }));
    lines.sort((a, b) => a.at.localeCompare(b.at));
    console.log(`[concurrency] audit order: ${rows.length} records, ${breaks} out of commit order; final banned=${final.banned}, last record says ${last?.after.banned}`);
    expect(breaks).toBe(0);
    expect(last?.after.banned).toBe(final.banned);
    expect(lines.at(-1)?.after.banned).toBe(final.banned);
    expect(lines.map((l) => l.at)).toEqual(rows.map((r) => r.at));
  });
});
