import { sql } from "kysely";
import { has } from "../db/introspect";
import type { Q } from "../db/context";

/** A session as staff may see it: never the token (a bearer secret). */
export interface SessionRow {
  id: string;
  userId: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  impersonatedBy: string | null;
  active: boolean;
}

/**
 * A user's sessions, most recently refreshed first, and how many there are in all (a spam account
 * can hold thousands; the page shows the newest `limit`). Both use the userId index.
 */
export async function listUserSessions(q: Q, userId: string, opts: { now?: Date; limit?: number } = {}) {
  const now = opts.now ?? new Date();
  if (!q.caps.sessionTable) return { sessions: [] as SessionRow[], total: 0, activeTotal: 0, source: "database" as const };
  const impersonation = has(q.caps, "session", "impersonatedBy");
  const [rows, total] = await Promise.all([
    q.db
      .selectFrom("session")
      .select([
        "session.id", "session.userId", "session.ipAddress", "session.userAgent",
        "session.createdAt", "session.updatedAt", "session.expiresAt",
        impersonation ? "session.impersonatedBy" : sql<string | null>`null`.as("impersonatedBy"),
      ])
      .where("session.userId", "=", userId)
      .orderBy("session.updatedAt", "desc")
      .orderBy("session.id", "desc")
      .limit(opts.limit ?? 200)
      .execute(),
    q.db
      .selectFrom("session")
      .select((eb) => [eb.fn.countAll<string>().as("all"), eb.fn.countAll<string>().filterWhere("session.expiresAt", ">", now).as("active")])
      .where("session.userId", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    sessions: rows.map((r): SessionRow => ({ ...r, active: r.expiresAt.getTime() > now.getTime() })),
    total: Number(total.all),
    activeTotal: Number(total.active),
    source: "database" as const,
  };
}
