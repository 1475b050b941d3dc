import { listUserAccounts } from "../accounts/queries";
import { keptLastActive } from "../audit/queries";
import type { Q } from "../db/context";
import { listUserSessions } from "../sessions/queries";
import type { SessionStore } from "../sessions/store";
import { listStoreSessions } from "../sessions/store-sessions";
import { diagnoseSignIn } from "./diagnose";
import { getUser } from "./queries";

/**
 * Everything the user page and `GET /api/v1/users/:id` show, in three indexed queries run at once
 * (plus the session store when the database holds no sessions for the user).
 */
export async function getUserDetail(q: Q, id: string, now = new Date(), store: SessionStore | null = null) {
  // All three at once: a missing user costs two empty index lookups, every found one a round trip less.
  const [user, accounts, fromDb] = await Promise.all([getUser(q, id), listUserAccounts(q, id), listUserSessions(q, id, { now })]);
  if (!user) return null;
  // Apps with sessions only in Redis (or rows not kept): the user's sessions come from the store.
  const sessions = store && fromDb.total === 0 ? await listStoreSessions(store, id, now) : fromDb;
  if (sessions.source === "store" && !user.lastActiveAt && sessions.sessions.length) {
    user.lastActiveAt = new Date(Math.max(...sessions.sessions.map((s) => s.updatedAt.getTime())));
  }
  // No live session: what the audit kept when sessions were ended may be later than any row left.
  if (sessions.activeTotal === 0 && q.caps.audit) {
    const kept = (await keptLastActive(q, [id])).get(id) ?? null;
    user.keptActivity = kept && (!user.lastActiveAt || kept.lastActive > user.lastActiveAt) ? kept : null;
  }
  const findings = diagnoseSignIn({ user, accounts, activeSessions: sessions.activeTotal, on: q.caps.modules, now });
  return { user, accounts, ...sessions, findings };
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;
