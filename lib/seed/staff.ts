import { DAY, type SeedBatch } from "./rows";

/**
 * The demo's staff accounts. Ids and emails are fixed so the docs can print them; the ids carry the
 * seed marker like every seeded row. They all sign in with DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = "demo-password";

const staffId = (name: string) => `sdStaff${name}`.padEnd(32, "0");

export const STAFF = [
  { id: staffId("Admin"), email: "admin@demo.local", name: "Demo Admin", role: "admin" },
  { id: staffId("Moderator"), email: "moderator@demo.local", name: "Demo Moderator", role: "moderator" },
  { id: staffId("Support"), email: "support@demo.local", name: "Demo Support", role: "support" },
] as const;

/** Staff users with their credential accounts; `passwordHash` = hashPassword(DEMO_PASSWORD), computed once. */
export function staffBatch(now: Date, passwordHash: string): SeedBatch {
  // staff existed before everyone else
  const createdAt = new Date(now.getTime() - 730 * DAY - DAY);
  return {
    users: STAFF.map((s) => ({
      id: s.id, name: s.name, email: s.email, emailVerified: true, image: null, createdAt, updatedAt: createdAt,
      role: s.role, banned: false, banReason: null, banExpires: null, username: null, displayUsername: null,
      twoFactorEnabled: false, label: "legit",
    })),
    accounts: STAFF.map((s) => ({
      id: `${s.id.slice(0, 24)}Account`.padEnd(32, "0"), accountId: s.id, providerId: "credential", userId: s.id,
      password: passwordHash, createdAt, updatedAt: createdAt,
    })),
    sessions: [],
  };
}
