import { sql } from "kysely";
import type { RevokeEnv } from "../sessions/revoke";
import { revokeUsersSessions } from "../sessions/revoke";

/**
 * Set-based account changes on a list of user ids (already selected, locked and protected by
 * selectTargets). One statement per table whatever the number of users; re-running is harmless.
 * (A module's own changes, such as the admin plugin's ban, live in its actions/ folder.)
 */
const anyId = (ids: readonly string[]) => sql<string>`any(${[...ids]}::text[])`;

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
