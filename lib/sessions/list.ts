import { type Selectable, sql } from "kysely";
import { decodeCursor, isTimestampText, keysetPage } from "../db/cursor";
import { has } from "../db/introspect";
import type { Q } from "../db/context";
import type { SessionTable, UserTable } from "../db/schema";
import { type ModuleSessionFields, sessionFieldNames } from "../modules";
import { badRequest } from "../errors";
import { sessionWhere } from "./filters";
import { requireSessionTable } from "./require-table";
import type { SessionListParams } from "./search-params";

/**
 * A live session in the list, as the schema types its columns (the modules' session fields too:
 * `ModuleSessionFields`, null where the column is missing), with its user's email and name.
 */
export interface SessionListRow
  extends Pick<Selectable<SessionTable>, "id" | "userId" | "ipAddress" | "userAgent" | "createdAt" | "updatedAt" | "expiresAt">,
    ModuleSessionFields {
  userEmail: UserTable["email"];
  userName: UserTable["name"];
}

const SORT = "-createdAt";

/** Live sessions, newest first, keyset-paginated; joined to their user for display. Never the token. */
export async function listSessions(q: Q, p: SessionListParams, now = new Date()) {
  requireSessionTable(q);
  const cursor = p.cursor ? decodeCursor(p.cursor, SORT) : null;
  if (cursor && !isTimestampText(cursor.value)) throw badRequest("cursor: malformed");
  const where = await sessionWhere(q, p, now);
  let qb = q.db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .where(where)
    .select([
      "session.id", "session.userId", "user.email as userEmail", "user.name as userName",
      "session.ipAddress", "session.userAgent", "session.createdAt", "session.updatedAt", "session.expiresAt",
      ...sessionFieldNames.map((f) => (has(q.caps, "session", f) ? (`session.${f}` as "session.id") : sql<null>`null`.as(f))),
      sql<string>`cast(${sql.ref("session.createdAt")} as text)`.as("sortValue"),
    ]);
  if (cursor) {
    qb = qb.where(sql<boolean>`(${sql.ref("session.createdAt")}, ${sql.ref("session.id")}) < (cast(${cursor.value} as timestamptz), ${cursor.id})`);
  }
  const rows = await qb.orderBy("session.createdAt", "desc").orderBy("session.id", "desc").limit(p.limit + 1).execute();
  const { page, nextCursor } = keysetPage(rows, p.limit, SORT);
  return { rows: page.map(({ sortValue: _, ...r }) => r as unknown as SessionListRow), nextCursor };
}

