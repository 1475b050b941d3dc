import type { AccountTable, SessionTable, UserTable } from "../db/schema";
import type { Random } from "./random";

/**
 * Rows as the seeder produces them, with LOGICAL field names (lib/db/schema.ts); lib/seed/insert.ts
 * maps them to physical columns. Optional plugin fields are always generated and only written when
 * the column exists.
 */
export type UserRow = Omit<UserTable, "phoneNumber" | "phoneNumberVerified">;

/** "legit" | "spam:<campaign>" | "lookalike:<kind>": ground truth for the spam benchmark, never inserted */
export type SeedLabel = "legit" | `spam:${string}` | `lookalike:${string}`;

export interface SeedUser extends UserRow {
  label: SeedLabel;
}

export type AccountRow = Pick<AccountTable, "id" | "accountId" | "providerId" | "userId" | "password" | "createdAt" | "updatedAt">;

export type SessionRow = SessionTable;

export interface SeedBatch {
  users: SeedUser[];
  accounts: AccountRow[];
  sessions: SessionRow[];
}

/** Every seeded id starts with this marker, so the seeder can tell its rows from an app's real users. */
export const SEED_ID_PREFIX = "sd";

/** 32 chars like Better Auth's own ids: the marker + 30 random base62 chars */
export const seedId = (r: Random) => SEED_ID_PREFIX + r.base62(30);

/** Session tokens: 32 random base62 chars, as Better Auth generates them */
export const sessionToken = (r: Random) => r.base62(32);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Better Auth's default session lifetime: expiresAt = last refresh + 7 days */
export const SESSION_TTL = 7 * DAY;
