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

/**
 * Ends the live sessions a WHERE clause selects, as Better Auth does: delete the rows (or expire
 * them), then remove their tokens from the secondary store, in the caller's transaction. Tokens
 * are read only to clean the store; they are never returned.
 *   delete from session where <where> and expiresAt > now returning userId, token
 */
export async function revokeSessionsWhere(
  env: RevokeEnv,
  where: (eb: ExpressionBuilder<DB, "session">) => Expression<SqlBool>,
): Promise<{ sessions: number; userIds: string[] }> {
  if (!env.q.caps.sessionTable) return { sessions: 0, userIds: [] };
  const live = (eb: ExpressionBuilder<DB, "session">) => eb.and([where(eb), eb("session.expiresAt", ">", env.now)]);
  const rows = env.preserveSessions
    ? await env.q.db.updateTable("session").set({ expiresAt: env.now, updatedAt: env.now }).where(live).returning(["session.userId", "session.token"]).execute()
    : await env.q.db.deleteFrom("session").where(live).returning(["session.userId", "session.token"]).execute();
  if (env.store && rows.length) await env.store.removeSessions(rows);
  return { sessions: rows.length, userIds: [...new Set(rows.map((r) => r.userId))] };
}

/** Every session of these users, in the database and in the store (also store-only sessions). */
export async function revokeUsersSessions(env: RevokeEnv, userIds: readonly string[]): Promise<{ sessions: number }> {
  if (!userIds.length) return { sessions: 0 };
  const ids = [...userIds];
  const db = await revokeSessionsWhere(env, (eb) => eb("session.userId", "=", sql<string>`any(${ids}::text[])`));
  const store = env.store ? await env.store.revokeUsers(ids, env.now) : { removed: 0 };
  return { sessions: Math.max(db.sessions, store.removed) };
}
