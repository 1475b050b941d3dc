import { AppError } from "../errors";
import type { ModuleSessionFields } from "../modules";

/**
 * Sessions that live in the app's Better Auth `secondaryStorage` (Redis and the like). For those apps
 * deleting the database row does not log anyone out: the store has to be changed the way Better Auth
 * changes it. The key format this must follow is written down in `redis-store.ts`.
 *
 * Store-agnostic on purpose: queries and actions depend on this, never on a Redis client.
 */

/** A session as Better Auth keeps it in the store. `token` is a bearer secret: server-side only. */
export interface StoredSession extends ModuleSessionFields {
  token: string;
  userId: string;
  id: string | null;
  expiresAt: Date;
  createdAt: Date | null;
  updatedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface SessionStore {
  /**
   * A cheap round trip (PING) under the store's timeout, made before a mutation opens its database
   * transaction: a store that is down is found out before any row is locked. Optional for stores
   * that have nothing to check.
   */
  ping?(): Promise<void>;
  /** remove these sessions the way Better Auth's revokeSession does (token keys + active-sessions-<userId> lists) */
  removeSessions(sessions: readonly { token: string; userId: string }[]): Promise<{ removed: number }>;
  /** end every session of these users, as Better Auth's revokeSessions / banUser do (and whatever else 1.7.25 does, e.g. revoked-sessions-before) */
  revokeUsers(userIds: readonly string[], at: Date): Promise<{ removed: number }>;
  /**
   * Patch the `user` cached next to each of these users' sessions (role, ban fields, emailVerified):
   * Better Auth serves getSession's user from that cache, so a change made in SQL alone would not be
   * seen by the app until the session ends.
   */
  updateCachedUser(userIds: readonly string[], patch: Record<string, unknown>): Promise<{ updated: number }>;
  /**
   * Set `fields` to null in these users' stored sessions whose fields equal `where` (fields a session
   * lacks are not added), keeping their lifetime: e.g. a module's active-membership field after a
   * member is removed, which Better Auth serves from the store, not the database.
   */
  clearSessionFields(userIds: readonly string[], where: Readonly<Record<string, string>>, fields: readonly string[]): Promise<{ updated: number }>;
  /** a user's live sessions from the store, for apps whose sessions are not in the database. NEVER expose tokens outside the server: callers strip them. */
  listUserSessions(userId: string): Promise<StoredSession[]>;
  /** every user id that has an active-sessions list (SCAN, batched) — used for "revoke everyone" in Redis-only apps */
  scanUserIds(onBatch: (ids: string[]) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store did not answer within REDIS_TIMEOUT_MS, or cannot be reached: a 503, never a hang.
 * `partial`: this call had already applied some of its writes (e.g. the revoked-sessions marker was
 * set before the token DELs stalled), so some users may be signed out already.
 */
export class StoreUnavailableError extends AppError {
  constructor(
    readonly partial: boolean,
    readonly cause: unknown,
  ) {
    super("unavailable", "The session store (Redis) did not answer in time.");
  }
}
