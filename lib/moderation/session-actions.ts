import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { type ActionEnv, defineAction } from "../actions/runner";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import { notFound } from "../errors";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import { sessionWhere } from "../sessions/filters";
import { keptActivity, revokeSessionsWhere, revokeUsersSessions } from "../sessions/revoke";
import { findStoreSession } from "../sessions/store-sessions";
import { type SessionFilterInput, toSessionFilter } from "../sessions/search-params";
import { oneTarget } from "./guards";
import { revokeAllInput, revokeFilterInput, sessionIdInput, userIdInput } from "./schemas";
import { holdsStaffRole } from "./targets";

export const revokeUserSessionsAction = defineAction({
  name: "user.sessions.revoke",
  permission: "sessions.revokeUser",
  input: userIdInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "sign out", allowSelf: true });
    const r = await revokeUsersSessions(env, [user.id]);
    return { result: { sessionsRevoked: r.sessions }, audit: { targetType: "user", targetIds: [user.id], before: keptActivity(r.lastActive), after: { sessionsRevoked: r.sessions } } };
  },
});

export const revokeSessionAction = defineAction({
  name: "session.revoke",
  permission: "sessions.revokeUser",
  input: sessionIdInput,
  async run(env, input) {
    const session = env.q.caps.sessionTable
      ? await env.q.db
          .selectFrom("session")
          .select(["session.id", "session.userId"])
          .where("session.id", "=", input.sessionId)
          .where("session.expiresAt", ">", env.now)
          .executeTakeFirst()
      : undefined;
    if (!session) return revokeStoreSession(env, input);
    await oneTarget(env, session.userId, { verb: "sign out", allowSelf: true });
    const r = await revokeSessionsWhere(env, (eb) => eb("session.id", "=", session.id));
    return {
      result: { sessionsRevoked: r.sessions },
      audit: { targetType: "session", targetIds: [session.id], before: { userId: session.userId, ...keptActivity(r.lastActive) }, after: { sessionsRevoked: r.sessions } },
    };
  },
});

/**
 * The sessions a filtered revoke ends, identical for its preview and its execution: the filter,
 * minus the actor's own sessions, minus other staff's sessions unless the actor is an admin.
 */
export async function revokeFilterWhere(q: Q, filter: SessionFilterInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now: Date) {
  const base = await sessionWhere(q, toSessionFilter(filter), now);
  return (eb: ExpressionBuilder<DB, "session">): Expression<SqlBool> => {
    const conds = [base(eb), eb("session.userId", "!=", actor.id)];
    if (actor.role !== "admin") {
      conds.push(eb.not(eb.exists(eb.selectFrom("user").select(sql`1`.as("one")).whereRef("user.id", "=", "session.userId").where(holdsStaffRole(sql.ref("user.role"), staffRoleMap)))));
    }
    return eb.and(conds);
  };
}

export const revokeFilteredSessionsAction = defineAction({
  name: "sessions.revoke.filter",
  permission: "sessions.revokeFilter",
  input: revokeFilterInput,
  async run(env, input) {
    const where = await revokeFilterWhere(env.q, input.filter, env.staff, env.staffRoleMap, env.now);
    // Sessions the filter matches but the protections spare (the actor's own, other staff's): reported.
    const base = await sessionWhere(env.q, toSessionFilter(input.filter), env.now);
    const matched = await env.q.db.selectFrom("session").where(base).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const r = await revokeSessionsWhere(env, where);
    return {
      result: { sessionsRevoked: r.sessions, usersAffected: r.userIds.length, sessionsSpared: Number(matched.n) - r.sessions },
      audit: { targetType: "user", targetIds: r.userIds, before: { filter: input.filter, ...keptActivity(r.lastActive) }, after: { sessionsRevoked: r.sessions } },
    };
  },
});

/** After an incident: everyone out but the admin doing it. Store-only sessions included. */
export const revokeAllSessionsAction = defineAction({
  name: "sessions.revoke.all",
  permission: "sessions.revokeAll",
  input: revokeAllInput,
  async run(env) {
    const r = await revokeAll(env);
    return { result: r, audit: { targetType: "user", targetIds: [], targetCount: r.usersAffected, before: null, after: r } };
  },
});

async function revokeAll(env: ActionEnv) {
  const others = (eb: ExpressionBuilder<DB, "session">) => eb.and([eb("session.userId", "!=", env.staff.id), eb("session.expiresAt", ">", env.now)]);
  if (!env.q.caps.sessionTable && !env.store) return { sessionsRevoked: 0, usersAffected: 0 };
  if (!env.q.caps.sessionTable) return revokeAllInStore(env);
  // No RETURNING of millions of tokens: the store is cleaned per user below.
  const users = await env.q.db.selectFrom("session").select((eb) => eb.fn.count<string>("session.userId").distinct().as("n")).where(others).executeTakeFirstOrThrow();
  const db = env.preserveSessions
    ? await env.q.db.updateTable("session").set({ expiresAt: env.now, updatedAt: env.now }).where(others).executeTakeFirst().then((r) => Number(r.numUpdatedRows))
    : await env.q.db.deleteFrom("session").where(others).executeTakeFirst().then((r) => Number(r.numDeletedRows));
  const store = env.store ? await revokeAllInStore(env) : { sessionsRevoked: 0, usersAffected: 0 };
  return { sessionsRevoked: Math.max(db, store.sessionsRevoked), usersAffected: Math.max(Number(users.n), store.usersAffected) };
}

/** Every user with sessions in the store, in batches (SCAN), but the acting admin. */
async function revokeAllInStore(env: ActionEnv) {
  let sessionsRevoked = 0;
  let usersAffected = 0;
  await env.store?.scanUserIds(async (ids) => {
    const targets = ids.filter((id) => id !== env.staff.id);
    if (!targets.length) return;
    usersAffected += targets.length;
    sessionsRevoked += (await env.store?.revokeUsers(targets, env.now))?.removed ?? 0;
  });
  return { sessionsRevoked, usersAffected };
}

/** Preview of a filtered revoke: exactly the sessions and users the action would end, and a sample. */
export async function previewRevokeFilter(q: Q, filter: SessionFilterInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now = new Date()) {
  const where = await revokeFilterWhere(q, filter, actor, staffRoleMap, now);
  return countSessions(q, where);
}

/** Preview of "revoke everyone": every live session but the acting admin's. */
export async function previewRevokeAll(q: Q, actor: Staff, now = new Date()) {
  return countSessions(q, (eb) => eb.and([eb("session.userId", "!=", actor.id), eb("session.expiresAt", ">", now)]));
}

async function countSessions(q: Q, where: (eb: ExpressionBuilder<DB, "session">) => Expression<SqlBool>) {
  const [counts, sample] = await Promise.all([
    q.db
      .selectFrom("session")
      .where(where)
      .select((eb) => [eb.fn.countAll<string>().as("sessions"), eb.fn.count<string>("session.userId").distinct().as("users")])
      .executeTakeFirstOrThrow(),
    q.db
      .selectFrom("session")
      .innerJoin("user", "user.id", "session.userId")
      .where(where)
      .select(["session.id", "session.userId", "user.email as userEmail", "session.ipAddress", "session.userAgent", "session.createdAt"])
      .orderBy("session.createdAt", "desc")
      .limit(10)
      .execute(),
  ]);
  return { sessions: Number(counts.sessions), users: Number(counts.users), sample };
}

/** A session that lives only in the store (Redis): found through its user, removed from the store. */
async function revokeStoreSession(env: ActionEnv, input: { sessionId: string; userId?: string }) {
  const found = env.store && input.userId ? await findStoreSession(env.store, input.userId, input.sessionId) : null;
  if (!found || !env.store) throw notFound(`No active session with id ${input.sessionId}`);
  await oneTarget(env, found.userId, { verb: "sign out", allowSelf: true });
  const r = await env.store.removeSessions([{ token: found.token, userId: found.userId }]);
  return {
    result: { sessionsRevoked: r.removed },
    audit: { targetType: "session" as const, targetIds: [input.sessionId], before: { userId: found.userId, store: true }, after: { sessionsRevoked: r.removed } },
  };
}
