import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import type { SessionStore } from "./store";

export interface RevokeEnv {
  q: Q;
  now: Date;
  /** the app's secondaryStorage (Redis), when configured */
  store: SessionStore | null;
  /** Better Auth's preserveSessionInDatabase: revoked rows are expired, not deleted */
  preserveSessions: boolean;
}

/** userId → ISO time of the latest activity (max updatedAt) of the sessions a revoke ended. */
export type LastActive = Record<string, string>;

/**
 * Ends the live sessions a WHERE clause selects, as Better Auth does: delete the rows (or expire
 * them), then remove their tokens from the secondary store, in the caller's transaction. Tokens
 * are read only to clean the store; they are never returned. Each user's last activity is
 * returned so the audit record keeps what the deleted rows knew (see keptLastActive).
 *   delete from session where <where> and expiresAt > now returning userId, token, updatedAt
 */
export async function revokeSessionsWhere(
  env: RevokeEnv,
  where: (eb: ExpressionBuilder<DB, "session">) => Expression<SqlBool>,
): Promise<{ sessions: number; userIds: string[]; lastActive: LastActive }> {
  if (!env.q.caps.sessionTable) return { sessions: 0, userIds: [], lastActive: {} };
  const live = (eb: ExpressionBuilder<DB, "session">) => eb.and([where(eb), eb("session.expiresAt", ">", env.now)]);
  if (env.preserveSessions) {
    // The update moves updatedAt to now: the activity it overwrites is read first (same transaction).
    const seen = await env.q.db.selectFrom("session").select(["session.userId", "session.updatedAt"]).where(live).execute();
    const ended = await env.q.db.updateTable("session").set({ expiresAt: env.now, updatedAt: env.now }).where(live).returning(["session.userId", "session.token"]).execute();
    if (env.store && ended.length) await env.store.removeSessions(ended);
    return { sessions: ended.length, userIds: [...new Set(ended.map((r) => r.userId))], lastActive: latestPerUser(seen) };
  }
  const rows = await env.q.db.deleteFrom("session").where(live).returning(["session.userId", "session.token", "session.updatedAt"]).execute();
  if (env.store && rows.length) await env.store.removeSessions(rows);
  return { sessions: rows.length, userIds: [...new Set(rows.map((r) => r.userId))], lastActive: latestPerUser(rows) };
}

function latestPerUser(rows: readonly { userId: string; updatedAt: Date }[]): LastActive {
  const max = new Map<string, number>();
  for (const r of rows) max.set(r.userId, Math.max(max.get(r.userId) ?? 0, r.updatedAt.getTime()));
  return Object.fromEntries([...max].map(([id, t]) => [id, new Date(t).toISOString()]));
}

/** Every session of these users, in the database and in the store (also store-only sessions). */
export async function revokeUsersSessions(env: RevokeEnv, userIds: readonly string[]): Promise<{ sessions: number; lastActive: LastActive }> {
  if (!userIds.length) return { sessions: 0, lastActive: {} };
  const ids = [...userIds];
  const db = await revokeSessionsWhere(env, (eb) => eb("session.userId", "=", sql<string>`any(${ids}::text[])`));
  const store = env.store ? await env.store.revokeUsers(ids, env.now) : { removed: 0 };
  return { sessions: Math.max(db.sessions, store.removed), lastActive: db.lastActive };
}

/** Past this many users an audit record keeps only the latest activity, not one entry per user. */
export const LAST_ACTIVE_PER_USER_MAX = 1_000;

/**
 * What an audit record's `before` keeps of the ended sessions' activity: `lastActive` per user
 * (read back by lib/audit/queries.ts keptLastActive when the user has no session left), or, for
 * more than LAST_ACTIVE_PER_USER_MAX users, only `lastActiveMax` so a bulk record stays small.
 */
export function keptActivity(lastActive: LastActive): { lastActive?: LastActive; lastActiveMax?: string } {
  const entries = Object.entries(lastActive);
  if (!entries.length) return {};
  if (entries.length <= LAST_ACTIVE_PER_USER_MAX) return { lastActive };
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps compared as strings; Math.max would make them NaN.
  return { lastActiveMax: entries.reduce((m, [, t]) => (t > m ? t : m), "") };
}
