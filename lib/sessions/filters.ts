import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { has } from "../db/introspect";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import { badRequest } from "../errors";
import { sessionFilters } from "../modules";
import { escapeLike } from "../db/sql-patterns";
import { cidrPrefixes, ipMatches } from "./ip";
import { requireSessionTable } from "./require-table";
import type { SessionFilter } from "./search-params";

/** A CIDR range must not expand into an unbounded IN list. */
export const MAX_CIDR_ADDRESSES = 50_000;

/**
 * The WHERE clause of the sessions list, of its count and of a filtered revoke: the same rows in
 * all three. Only live sessions (expiresAt > now). A CIDR filter first resolves to the exact
 * addresses in range (see ip.ts), which is why this is async.
 */
export async function sessionWhere(q: Q, f: SessionFilter, now: Date) {
  requireSessionTable(q);
  let addresses: string[] | null = null;
  if (f.ip?.kind === "cidr") {
    const cidr = f.ip;
    const candidates = await q.db
      .selectFrom("session")
      .select("session.ipAddress")
      .distinct()
      .where((eb) => eb.or(cidrPrefixes(cidr).map((p) => eb("session.ipAddress", "like", p))))
      .where("session.expiresAt", ">", now)
      .limit(MAX_CIDR_ADDRESSES * 4)
      .execute();
    addresses = candidates.map((c) => c.ipAddress).filter((ip): ip is string => ip !== null && ipMatches(cidr, ip));
    if (addresses.length > MAX_CIDR_ADDRESSES) throw badRequest(`ip: ${f.ip.text} covers more than ${MAX_CIDR_ADDRESSES} addresses with sessions; use a narrower range`);
  }
  // A module's presence filter (e.g. impersonation) needs its column: asking for "set" without it is a 400.
  const presence = sessionFilters.flatMap((m) => {
    const value = (f as Record<string, unknown>)[m.key];
    if (value !== true && value !== false) return [];
    const exists = has(q.caps, "session", m.field);
    if (value && !exists) throw badRequest(`${m.key}: this database has no session.${m.field} column (${m.label})`);
    return exists ? [{ field: `session.${m.field}` as "session.id", set: value }] : [];
  });
  return (eb: ExpressionBuilder<DB, "session">): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [eb("session.expiresAt", ">", now)];
    if (f.user) {
      const u = f.user;
      conds.push(
        u.includes("@")
          ? // Better Auth stores emails lower-cased; the typed form also matches rows written otherwise.
            eb("session.userId", "in", eb.selectFrom("user").select("user.id").where("user.email", "in", [...new Set([u, u.toLowerCase()])]))
          : eb("session.userId", "=", u),
      );
    }
    if (f.ip?.kind === "exact") conds.push(eb("session.ipAddress", "=", f.ip.value));
    if (addresses) conds.push(addresses.length ? eb("session.ipAddress", "=", sql<string>`any(${addresses}::text[])`) : sql<SqlBool>`false`);
    if (f.userAgent) conds.push(eb("session.userAgent", "ilike", `%${escapeLike(f.userAgent)}%`));
    if (f.createdAfter) conds.push(eb("session.createdAt", ">=", f.createdAfter));
    if (f.createdBefore) conds.push(eb("session.createdAt", "<", f.createdBefore));
    for (const p of presence) conds.push(eb(p.field, p.set ? "is not" : "is", null));
    return eb.and(conds);
  };
}
