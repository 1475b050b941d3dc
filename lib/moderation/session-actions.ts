import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { type ActionEnv, defineAction } from "../actions/runner";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import { AppError, notFound } from "../errors";
import type { Staff } from "../auth/staff";
import type { StaffRole } from "../auth/roles";
import { sessionWhere } from "../sessions/filters";
import { keptActivity, revokeSessionsWhere, revokeUsersSessions } from "../sessions/revoke";
import { findStoreSession } from "../sessions/store-sessions";
import { type SessionFilterInput, toSessionFilter } from "../sessions/search-params";
import { oneTarget } from "./guards";
import { revokeAllActionInput, revokeFilterActionInput, sessionIdInput, userIdInput } from "./schemas";
import { type ScopeClaim, signScope, verifyScope } from "./scope-token";
import { holdsStaffRole } from "./targets";

export const revokeUserSessionsSpec = defineAction({
  name: "user.sessions.revoke",
  permission: "sessions.revokeUser",
  input: userIdInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "sign out", allowSelf: true });
    const r = await revokeUsersSessions(env, [user.id]);
    return { result: { sessionsRevoked: r.sessions }, audit: { targetType: "user", targetIds: [user.id], before: keptActivity(r.lastActive), after: { sessionsRevoked: r.sessions } } };
  },
});

export const revokeSessionSpec = defineAction({
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

const filterClaim = (filter: SessionFilterInput, actor: Staff): ScopeClaim => ({ action: "sessions.revoke.filter", actorId: actor.id, scope: { filter } });
const allClaim = (actor: Staff): ScopeClaim => ({ action: "sessions.revoke.all", actorId: actor.id, scope: "everyone" });

export const revokeFilteredSessionsSpec = defineAction({
  name: "sessions.revoke.filter",
  permission: "sessions.revokeFilter",
  input: revokeFilterActionInput,
  async run(env, input) {
    const where = await revokeFilterWhere(env.q, input.filter, env.staff, env.staffRoleMap, env.now);
    const n = await countWhere(env.q, where);
    await refuseWholeSessionBase(env.q, n, env.staff, env.staffRoleMap, env.now);
    verifyScope(input.scopeToken, filterClaim(input.filter, env.staff), n, env.now, { allowFewer: true });
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
export const revokeAllSessionsSpec = defineAction({
  name: "sessions.revoke.all",
  permission: "sessions.revokeAll",
  input: revokeAllActionInput,
  async run(env, input) {
    const n = env.q.caps.sessionTable ? await countWhere(env.q, othersLive(env.staff, env.now)) : 0;
    verifyScope(input.scopeToken, allClaim(env.staff), n, env.now, { allowFewer: true });
    const r = await revokeAll(env);
    return { result: r, audit: { targetType: "user", targetIds: [], targetCount: r.usersAffected, before: null, after: r } };
  },
});

const othersLive = (actor: Staff, now: Date) => (eb: ExpressionBuilder<DB, "session">) => eb.and([eb("session.userId", "!=", actor.id), eb("session.expiresAt", ">", now)]);

async function countWhere(q: Q, where: (eb: ExpressionBuilder<DB, "session">) => Expression<SqlBool>) {
  const r = await q.db.selectFrom("session").where(where).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * As refuseWholeUserBase, for sessions: a non-admin's filter (0.0.0.0/0 and ::/0 are refused
 * earlier as no filter; createdAfter=1970-01-01 is caught here) that ends every live session they
 * may end is the admin-only "revoke everyone". Reads at most n + 1 rows.
 */
async function refuseWholeSessionBase(q: Q, n: number, actor: Staff, staffRoleMap: Record<string, StaffRole>, now: Date) {
  if (actor.role === "admin" || n === 0) return;
  const reachable = await q.db
    .selectFrom((db) =>
      db
        .selectFrom("session")
        .select(sql`1`.as("one"))
        .where(othersLive(actor, now))
        .where((eb) => eb.not(eb.exists(eb.selectFrom("user").select(sql`1`.as("one")).whereRef("user.id", "=", "session.userId").where(holdsStaffRole(sql.ref("user.role"), staffRoleMap)))))
        .limit(n + 1)
        .as("reachable"),
    )
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(reachable.n) <= n) {
    throw new AppError("forbidden", "This filter matches every live session you can end: signing everyone out is a separate, admin-only action. Narrow the filter.");
  }
}

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

/**
 * Preview of a filtered revoke: exactly the sessions and users the action would end, a sample, and
 * the scopeToken the confirmation sends back.
 */
export async function previewRevokeFilter(q: Q, filter: SessionFilterInput, actor: Staff, staffRoleMap: Record<string, StaffRole>, now = new Date()) {
  const where = await revokeFilterWhere(q, filter, actor, staffRoleMap, now);
  const counted = await countSessions(q, where);
  await refuseWholeSessionBase(q, counted.sessions, actor, staffRoleMap, now);
  return { ...counted, scopeToken: signScope(filterClaim(filter, actor), counted.sessions, now) };
}

/** Preview of "revoke everyone": every live session but the acting admin's. */
export async function previewRevokeAll(q: Q, actor: Staff, now = new Date()) {
  // Sessions kept only in the store (no session table) are not counted: the token binds 0, as the action does.
  const counted = q.caps.sessionTable ? await countSessions(q, othersLive(actor, now)) : { sessions: 0, users: 0, sample: [] };
  return { ...counted, scopeToken: signScope(allClaim(actor), counted.sessions, now) };
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
