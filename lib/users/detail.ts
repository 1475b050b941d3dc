import { listUserAccounts } from "../accounts/queries";
import type { Q } from "../db/context";
import { listUserSessions } from "../sessions/queries";
import { diagnoseSignIn } from "./diagnose";
import { getUser } from "./queries";

/** Everything the user page and `GET /api/v1/users/:id` show, in three indexed queries. */
export async function getUserDetail(q: Q, id: string, now = new Date()) {
  const user = await getUser(q, id);
  if (!user) return null;
  const [accounts, sessions] = await Promise.all([listUserAccounts(q, id), listUserSessions(q, id, { now })]);
  const findings = diagnoseSignIn({ user, accounts, activeSessions: sessions.activeTotal, bansTracked: q.caps.modules.has("admin"), now });
  return { user, accounts, ...sessions, findings };
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;
