import { sql } from "kysely";
import type { Database } from "../../lib/db/open";

/** The fixed "now" of the fixture world. */
export const NOW = new Date("2026-06-01T00:00:00Z");
const d = (s: string) => new Date(s);
const DAY = 86_400_000;

type U = { id: string; name: string; email: string; verified?: boolean; role?: string | null; created: string; banned?: boolean | null; banReason?: string; banExpires?: string };

/** Named people, each standing for one case the dashboard must get right. */
export const people = {
  alice: { id: "u_alice", name: "Alice Admin", email: "alice@example.com", verified: true, role: "user,admin", created: "2026-01-01T10:00:00Z" },
  bob: { id: "u_bob", name: "Bob Builder", email: "bob@gmail.com", verified: false, role: "user", created: "2026-02-01T10:00:00Z" },
  carol: { id: "u_carol", name: "Carol Banned", email: "carol@spam.io", banned: true, banReason: "spam", created: "2026-03-01T10:00:00Z" },
  dave: { id: "u_dave", name: "Dave Expired", email: "dave@example.org", banned: true, banReason: "cooldown", banExpires: "2026-01-10T00:00:00Z", created: "2026-03-02T10:00:00Z" },
  erin: { id: "u_erin", name: "Erin Nullban", email: "erin@example.net", banned: null, created: "2026-03-03T10:00:00Z" },
  pct: { id: "u_pct", name: "100% Real_Name \\o/", email: "percent@example.com", created: "2026-03-04T10:00:00Z" },
  moe: { id: "u_moe", name: "Moe Moderator", email: "moe@example.com", verified: true, role: "moderator", created: "2026-03-05T10:00:00Z" },
  sue: { id: "u_sue", name: "Sue Support", email: "sue@example.com", verified: true, role: "support", created: "2026-03-06T10:00:00Z" },
  zoe: { id: "u_zoe", name: "Zoë Ünïcode", email: "zoe@example.com", verified: true, created: "2026-03-07T10:00:00Z", banned: true, banReason: "later", banExpires: "2026-12-01T00:00:00Z" },
} satisfies Record<string, U>;

/** 60 users created at the same instant (ties broken by id) and 5 with microsecond timestamps. */
export const FILLERS = 60;
export const MICROS = 5;

export async function insertFixtures(db: Database) {
  const admin = db.caps.modules.has("admin");
  const users = Object.values(people) as U[];
  for (let i = 0; i < FILLERS; i++) {
    users.push({ id: `u_fill${String(i).padStart(3, "0")}`, name: `Filler ${i}`, email: `filler${i}@fill.test`, created: "2026-04-01T00:00:00Z" });
  }
  await db.db
    .insertInto("user")
    .values(
      users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        emailVerified: u.verified ?? false,
        image: null,
        createdAt: d(u.created),
        updatedAt: d(u.created),
        role: u.role ?? null,
        ...(admin ? { banned: u.banned === undefined ? false : u.banned, banReason: u.banReason ?? null, banExpires: u.banExpires ? d(u.banExpires) : null } : {}),
      })),
    )
    .execute();
  for (let i = 0; i < MICROS; i++) {
    await db.db
      .insertInto("user")
      .values({
        id: `u_micro${i}`, name: `Micro ${i}`, email: `micro${i}@fill.test`, emailVerified: true, image: null,
        createdAt: sql<Date>`cast(${`2026-04-02 00:00:00.12345${i}+00`} as timestamptz)` as never,
        updatedAt: NOW, role: null,
      })
      .execute();
  }
  const acct = (id: string, userId: string, providerId: string, secret = true) => ({
    id, userId, providerId, accountId: providerId === "credential" ? userId : `${providerId}-${userId}`,
    password: providerId === "credential" && secret ? "scrypt$hash-that-must-never-leave" : null,
    accessToken: providerId !== "credential" ? "oauth-access-token-secret" : null,
    createdAt: d("2026-01-01T00:00:00Z"), updatedAt: d("2026-01-01T00:00:00Z"),
  });
  await db.db
    .insertInto("account")
    .values([
      acct("a1", "u_alice", "credential"), acct("a2", "u_bob", "google"), acct("a3", "u_zoe", "credential"),
      acct("a4", "u_zoe", "github"), acct("a5", "u_moe", "credential"), acct("a6", "u_sue", "credential"),
      acct("a7", "u_carol", "credential"),
    ])
    .execute();
  const sess = (id: string, userId: string, updated: Date, ip: string, ua: string) => ({
    id, userId, token: `tok_${id}_secret`, ipAddress: ip, userAgent: ua,
    createdAt: new Date(updated.getTime() - DAY), updatedAt: updated, expiresAt: new Date(updated.getTime() + 7 * DAY),
  });
  const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  await db.db
    .insertInto("session")
    .values([
      sess("s1", "u_alice", new Date(NOW.getTime() - 2 * DAY), "203.0.113.5", chrome),
      sess("s2", "u_alice", new Date(NOW.getTime() - 30 * DAY), "203.0.113.6", "python-requests/2.31"),
      sess("s3", "u_zoe", new Date(NOW.getTime() - 1 * DAY), "2001:db8::1", chrome),
      sess("s4", "u_moe", new Date(NOW.getTime() - 40 * DAY), "198.51.100.7", chrome),
    ])
    .execute();
}

export const fixtureUserCount = Object.keys(people).length + FILLERS + MICROS;
