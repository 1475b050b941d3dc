import { sql } from "kysely";
import { has } from "../db/introspect";
import type { Q } from "../db/context";
import { type ModuleSessionFields, sessionFieldNames } from "../modules";

/** A session as staff may see it: never the token (a bearer secret). The modules' session fields are null where missing. */
export interface SessionRow extends ModuleSessionFields {
  id: string;
  userId: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  active: boolean;
}

/**
 * A user's sessions, most recently refreshed first, and how many there are in all (a spam account
 * can hold thousands; the page shows the newest `limit`). Both use the userId index.
 */
export async function listUserSessions(q: Q, userId: string, opts: { now?: Date; limit?: number } = {}) {
  const now = opts.now ?? new Date();
  if (!q.caps.sessionTable) return { sessions: [] as SessionRow[], total: 0, activeTotal: 0, source: "database" as const };
  // One round trip: the window counts run over all the user's rows, before the LIMIT.
  const rows = await q.db
    .selectFrom("session")
    .select((eb) => [
      "session.id", "session.userId", "session.ipAddress", "session.userAgent",
      "session.createdAt", "session.updatedAt", "session.expiresAt",
      ...sessionFieldNames.map((f) => (has(q.caps, "session", f) ? (`session.${f}` as "session.id") : sql<null>`null`.as(f))),
      sql<string>`count(*) over ()`.as("all"),
      sql<string>`count(*) filter (where ${eb.ref("session.expiresAt")} > ${now}) over ()`.as("activeAll"),
    ])
    .where("session.userId", "=", userId)
    .orderBy("session.updatedAt", "desc")
    .orderBy("session.id", "desc")
    .limit(opts.limit ?? 200)
    .execute();
  return {
    sessions: rows.map(({ all: _a, activeAll: _b, ...r }) => ({ ...(r as unknown as SessionRow), active: r.expiresAt.getTime() > now.getTime() })),
    total: Number(rows[0]?.all ?? 0),
    activeTotal: Number(rows[0]?.activeAll ?? 0),
    source: "database" as const,
  };
}
