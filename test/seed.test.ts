import { verifyPassword } from "better-auth/crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "../lib/db/naming";
import { generateDataset, REFERENCE_NOW, type SeedBatch, type SeedUser, STAFF, staffBatch } from "../lib/seed/generate";
import { seedDatabase } from "../lib/seed/insert";
import { giveUpAfter, MAX_ATTEMPTS, UniqueRegistry, uniqueUsername } from "../lib/seed/identity";
import { Random } from "../lib/seed/random";
import { arrayLiteral } from "../lib/seed/unnest";
import { createTestDb, type TestDb } from "./helpers/db";

const DAY = 86_400_000;
const gen = (seed: number, users = 2000, batchSize?: number) =>
  generateDataset({ users, seed, now: REFERENCE_NOW, passwordHash: "test-hash", batchSize });

function collect(batches: Iterable<SeedBatch>): SeedBatch {
  const all: SeedBatch = { users: [], accounts: [], sessions: [] };
  for (const b of batches) {
    all.users.push(...b.users);
    all.accounts.push(...b.accounts);
    all.sessions.push(...b.sessions);
  }
  return all;
}

describe("generateDataset", () => {
  const data = collect(gen(42));
  const spam = (u: SeedUser) => u.label.startsWith("spam:");

  it("is deterministic by seed", () => {
    const a = gen(7, 2000, 500).next().value;
    const b = gen(7, 2000, 500).next().value;
    const c = gen(8, 2000, 500).next().value;
    expect(a).toEqual(b);
    expect(a?.users.length).toBe(500);
    expect(c?.users.map((u) => u.email)).not.toEqual(a?.users.map((u) => u.email));
  });

  it("yields batches of at most 5,000 users", () => {
    const sizes = [...gen(1, 12_000)].map((b) => b.users.length);
    expect(sizes).toEqual([5000, 5000, 2000]);
  });

  it("marks every id and never repeats an email, username or token", () => {
    const idShape = /^sd[0-9A-Za-z]{30}$/;
    for (const row of [...data.users, ...data.accounts, ...data.sessions]) expect(row.id).toMatch(idShape);
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
    const usernames = data.users.flatMap((u) => (u.username ? [u.username] : []));
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(data.sessions.every((s) => /^[0-9A-Za-z]{32}$/.test(s.token))).toBe(true);
    expect(new Set(data.sessions.map((s) => s.token)).size).toBe(data.sessions.length);
    for (const s of STAFF) expect(data.users.some((u) => u.email === s.email)).toBe(false);
  });

  it("has realistic proportions", () => {
    const n = data.users.length;
    const spamShare = data.users.filter(spam).length / n;
    expect(spamShare).toBeGreaterThan(0.025);
    expect(spamShare).toBeLessThan(0.06);
    const legit = data.users.filter((u) => !spam(u));
    const verified = legit.filter((u) => u.emailVerified).length / legit.length;
    expect(verified).toBeGreaterThan(0.8);
    expect(verified).toBeLessThan(0.9);
    const perUser = data.sessions.length / n;
    expect(perUser).toBeGreaterThan(2.3);
    expect(perUser).toBeLessThan(4.5);
    const credential = new Set(data.accounts.filter((a) => a.providerId === "credential").map((a) => a.userId));
    expect(legit.filter((u) => credential.has(u.id)).length / legit.length).toBeGreaterThan(0.5);
    const bannedNull = data.users.filter((u) => u.banned === null).length;
    expect(bannedNull).toBeGreaterThan(0);
    expect(bannedNull / n).toBeLessThan(0.05);
  });

  it("labels every spam campaign and every legitimate look-alike", () => {
    const labels = new Set(data.users.map((u) => u.label));
    for (const l of ["spam:disposable", "spam:gmail-farm", "spam:sequential", "spam:link-name", "spam:drip"]) expect(labels).toContain(l);
    for (const l of ["lookalike:office", "lookalike:campus", "lookalike:launch", "lookalike:plustag", "legit"]) expect(labels).toContain(l);
  });

  it("gives spam waves their shared signature", () => {
    const farm = data.users.filter((u) => u.label === "spam:gmail-farm");
    const mailboxes = new Set(farm.map((u) => u.email.split("@")[0]?.replace(/\+.*$/, "").replace(/\./g, "")));
    expect(mailboxes.size).toBeLessThanOrEqual(farm.length / 5);
    const sequential = data.users.filter((u) => u.label === "spam:sequential");
    expect(sequential.every((u) => /^[a-z0-9]*[a-z][0-9]+@[a-z0-9]+\.[a-z]+$/.test(u.email))).toBe(true);
    const sessionsOf = new Map<string, SeedBatch["sessions"]>();
    for (const s of data.sessions) sessionsOf.set(s.userId, [...(sessionsOf.get(s.userId) ?? []), s]);
    // spam never returns: at most the sign-up session, seconds after the account
    for (const u of data.users.filter(spam)) {
      const own = sessionsOf.get(u.id) ?? [];
      expect(own.length).toBeLessThanOrEqual(1);
      for (const s of own) expect(s.createdAt.getTime() - u.createdAt.getTime()).toBeLessThan(5 * 60_000);
    }
    // the office look-alike shares one domain and comes back
    const office = data.users.filter((u) => u.label === "lookalike:office");
    expect(new Set(office.map((u) => u.email.split("@")[1])).size).toBe(1);
    expect(office.filter((u) => (sessionsOf.get(u.id)?.length ?? 0) >= 3).length).toBeGreaterThan(office.length * 0.8);
  });

  it("keeps time consistent", () => {
    const now = REFERENCE_NOW.getTime();
    const created = new Map(data.users.map((u) => [u.id, u.createdAt.getTime()]));
    for (const u of data.users) {
      expect(u.createdAt.getTime()).toBeGreaterThan(now - 731 * DAY);
      expect(u.createdAt.getTime()).toBeLessThanOrEqual(now);
      expect(u.updatedAt.getTime()).toBeGreaterThanOrEqual(u.createdAt.getTime());
    }
    for (const s of data.sessions) {
      expect(s.createdAt.getTime()).toBeGreaterThanOrEqual(created.get(s.userId) ?? Infinity);
      expect(s.updatedAt.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());
      expect(s.updatedAt.getTime()).toBeLessThanOrEqual(now);
      expect(s.expiresAt.getTime() - s.updatedAt.getTime()).toBe(7 * DAY);
    }
    // growth: the last year has more sign-ups than the year before
    const lastYear = data.users.filter((u) => u.createdAt.getTime() > now - 365 * DAY).length;
    expect(lastYear).toBeGreaterThan(data.users.length * 0.6);
  });
});

describe("uniqueness retries", () => {
  it("keeps the number inside a long username, so a taken long name still finds a free one", () => {
    // a name of 30+ characters: the appended number used to be cut off again, and the retry loop spun
    // forever (the 10M seed hung at 7.79M users)
    const reg = new UniqueRegistry(1000);
    const r = new Random(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { username, displayUsername } = uniqueUsername(r, reg, "maximilianalexander", "vonhohenzollern");
      expect(username.length).toBeLessThanOrEqual(30);
      expect(displayUsername.toLowerCase()).toBe(username);
      seen.add(username);
    }
    expect(seen.size).toBe(200);
  });

  it("fails loudly instead of spinning when no free value can be drawn", () => {
    expect(giveUpAfter(MAX_ATTEMPTS - 1, "x")).toBeUndefined();
    expect(() => giveUpAfter(MAX_ATTEMPTS, "taken@example.com")).toThrow(/no free value after 1000 attempts.*taken@example\.com/);
  });

  it("never hands out an empty address in the hard dataset", () => {
    const hard = collect(generateDataset({ users: 3000, seed: 5, now: REFERENCE_NOW, passwordHash: "h", hard: true }));
    expect(hard.users.filter((u) => !u.email.includes("@"))).toEqual([]);
  });
});

describe.each(["default", "snake-plural-renamed"] as const)("seedDatabase (%s naming)", (variant) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(variant);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const count = async (model: "user" | "account" | "session") => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(t.naming.qualified(model))}`.execute(t.raw);
    return rows[0]?.n;
  };

  it("inserts the rows it reports, staff included", async () => {
    const result = await seedDatabase(t.d.authDb, t.naming, { users: 2000, seed: 3, now: REFERENCE_NOW, columns: t.d.caps.columns });
    expect(result.users).toBe(2000 + STAFF.length);
    expect(await count("user")).toBe(result.users);
    expect(await count("account")).toBe(result.accounts);
    expect(await count("session")).toBe(result.sessions);
    expect(result.sessions).toBeGreaterThan(4000);

    const email = sql.raw(quoteIdent(t.naming.column("user", "email")));
    const role = sql.raw(quoteIdent(t.naming.column("user", "role")));
    const { rows } = await sql<{ role: string }>`select ${role} as role from ${sql.raw(t.naming.qualified("user"))} where ${email} = ${"admin@demo.local"}`.execute(t.raw);
    expect(rows).toEqual([{ role: "admin" }]);
    const staffHash = await t.d.db.selectFrom("account").select("password").where("userId", "=", STAFF[0].id).executeTakeFirstOrThrow();
    expect(await verifyPassword({ hash: staffHash.password ?? "", password: "demo-password" })).toBe(true);
  });

  it("passes awkward text through the array literal unchanged", async () => {
    const values = ['quote " and \\ backslash', "{braces}, commas", "NULL", "", null, "💸 → t.me/x", "  spaces  "].map((v) => ({ v }));
    const { rows } = await sql<{ v: string | null }>`select unnest(${arrayLiteral(values, "v")}::text[]) as v`.execute(t.raw);
    expect(rows.map((r) => r.v)).toEqual(values.map((x) => x.v));
  });

  it("refuses to seed again unless asked to reset", async () => {
    await expect(seedDatabase(t.d.authDb, t.naming, { users: 10, seed: 3, now: REFERENCE_NOW })).rejects.toThrow(/already holds seeded users/);
    const again = await seedDatabase(t.d.authDb, t.naming, { users: 300, seed: 4, now: REFERENCE_NOW, reset: true });
    expect(await count("user")).toBe(again.users);
    expect(await count("session")).toBe(again.sessions);
  });

  it("refuses a database holding users it did not create", async () => {
    const foreign = staffBatch(REFERENCE_NOW, "x").users[0] as SeedUser;
    await t.d.db
      .insertInto("user")
      .values({ id: "u_real_customer", name: "Real Customer", email: "real@example.com", emailVerified: true, createdAt: foreign.createdAt, updatedAt: foreign.createdAt } as never)
      .execute();
    await expect(seedDatabase(t.d.authDb, t.naming, { users: 10, seed: 3, reset: true })).rejects.toThrow("database holds users the seeder did not create; refusing");
    expect(await count("user")).toBe(300 + STAFF.length + 1);
  });
});
