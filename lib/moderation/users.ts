import { sql } from "kysely";
import type { RevokeEnv } from "../sessions/revoke";
import { revokeUsersSessions } from "../sessions/revoke";

/**
 * Set-based account changes on a list of user ids (already selected, locked and protected by
 * selectTargets). One statement per table whatever the number of users; re-running is harmless.
 */
const anyId = (ids: readonly string[]) => sql<string>`any(${[...ids]}::text[])`;

/** Better Auth's banUser: set the ban, then end every session (database and store). */
export async function banUsers(env: RevokeEnv, ids: readonly string[], ban: { reason: string; expiresAt: Date | null }) {
  if (!ids.length) return { users: 0, sessions: 0, lastActive: {} };
  const updated = await env.q.db
    .updateTable("user")
    .set({ banned: true, banReason: ban.reason, banExpires: ban.expiresAt, updatedAt: env.now })
    .where("user.id", "=", anyId(ids))
    .returning("user.id")
    .execute();
  const { sessions, lastActive } = await revokeUsersSessions(env, ids);
  return { users: updated.length, sessions, lastActive };
}

/** Better Auth's unbanUser: clear all three ban columns. Only rows that hold a ban change. */
export async function unbanUsers(env: RevokeEnv, ids: readonly string[]) {
  if (!ids.length) return { users: 0 };
  const updated = await env.q.db
    .updateTable("user")
    .set({ banned: false, banReason: null, banExpires: null, updatedAt: env.now })
    .where("user.id", "=", anyId(ids))
    .where("user.banned", "is", true)
    .returning("user.id")
    .execute();
  await env.store?.updateCachedUser(updated.map((u) => u.id), { banned: false, banReason: null, banExpires: null, updatedAt: env.now.toISOString() });
  return { users: updated.length };
}

export async function markEmailVerified(env: RevokeEnv, id: string) {
  const r = await env.q.db.updateTable("user").set({ emailVerified: true, updatedAt: env.now }).where("user.id", "=", id).where("user.emailVerified", "=", false).executeTakeFirst();
  await env.store?.updateCachedUser([id], { emailVerified: true, updatedAt: env.now.toISOString() });
  return { users: Number(r.numUpdatedRows) };
}

export async function setUserRole(env: RevokeEnv, id: string, role: string | null) {
  await env.q.db.updateTable("user").set({ role, updatedAt: env.now }).where("user.id", "=", id).execute();
  // The app reads getSession's user from the store's cache: a demoted admin must not keep the role.
  await env.store?.updateCachedUser([id], { role, updatedAt: env.now.toISOString() });
}

/**
 * Deletes users the way the app would lose them: sessions first (so their tokens leave the store
 * too; the raw adapter delete would skip that), then accounts, then the user rows.
 */
export async function deleteUsers(env: RevokeEnv, ids: readonly string[]) {
  if (!ids.length) return { users: 0, sessions: 0 };
  const { sessions } = await revokeUsersSessions({ ...env, preserveSessions: false }, ids);
  await env.q.db.deleteFrom("session").where("session.userId", "=", anyId(ids)).execute();
  await env.q.db.deleteFrom("account").where("account.userId", "=", anyId(ids)).execute();
  const deleted = await env.q.db.deleteFrom("user").where("user.id", "=", anyId(ids)).returning("user.id").execute();
  return { users: deleted.length, sessions };
}
