import { type ExpressionBuilder, type Expression, type SqlBool, sql } from "kysely";
import { has } from "../db/introspect";
import type { Q } from "../db/context";
import type { DB } from "../db/schema";
import { escapeLike } from "../db/sql-patterns";
import { enabledListFilters, modules, moduleSignInOptions } from "../modules";
import { badRequest } from "../errors";
import { prefixTerm, prefixWhere } from "./prefix-search";
import { providerIdOf } from "./sign-in-methods";
import type { UserFilters } from "./search-params";

/** User fields the search box matches besides email and name, from the modules that are on. */
export function searchFields(caps: Q["caps"]): string[] {
  return modules
    .filter((m) => caps.modules.has(m.id as never))
    .flatMap((m) => m.searchFields ?? [])
    .filter((f) => has(caps, "user", f));
}

/**
 * The WHERE clause shared by the list and its count, so the two can never disagree.
 *   q        → id = q OR lower(email) LIKE lower('%q%') OR lower(name) LIKE … [OR a module's searchFields]
 *   q = ann* → lower(email) LIKE 'ann%', through the email index's ranges (prefix-search.ts)
 *   role     → q = ANY(string_to_array(role, ','))   (Better Auth stores "user,admin")
 *   <module filter> → the module's `where` for the value, while the module is on
 *   provider → EXISTS (select 1 from account where userId = user.id and providerId = $p)
 */
export function userWhere(q: Pick<Q, "caps">, f: UserFilters, now: Date) {
  return (eb: ExpressionBuilder<DB, "user">): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    const prefix = prefixTerm(f.q);
    if (prefix) conds.push(prefixWhere(eb, prefix, q.caps.emailByteOrder));
    else if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      // lower(x) LIKE lower(p) rather than ILIKE: ~30% cheaper per row on a scan, and what the
      // doctor's trigram indexes on lower(email) / lower(name) serve.
      const contains = (field: string) => sql<SqlBool>`lower(${eb.ref(`user.${field}` as "user.name")}) like lower(${pattern})`;
      conds.push(eb.or([eb("user.id", "=", f.q), contains("email"), contains("name"), ...searchFields(q.caps).map(contains)]));
    }
    if (f.role) {
      conds.push(sql<SqlBool>`${f.role} = any(string_to_array(replace(${eb.ref("user.role")}, ' ', ''), ','))`);
    }
    // The modules' filters, through their own whitelist (the schema admits only their options).
    for (const mf of enabledListFilters(q.caps.modules)) {
      const value = (f as Record<string, unknown>)[mf.key];
      if (typeof value === "string" && value) conds.push(mf.where(eb, value, now));
    }
    if (f.verified !== undefined) conds.push(eb("user.emailVerified", "=", f.verified));
    if (f.provider) {
      // The id as given, or its lower case: "GitHub" typed for an app's own provider still finds `github`.
      const id = providerIdOf(f.provider, moduleSignInOptions);
      const ids = [...new Set([id, id.toLowerCase()])];
      conds.push(
        eb.exists(
          eb.selectFrom("account").select(sql`1`.as("one")).whereRef("account.userId", "=", "user.id").where("account.providerId", "in", ids),
        ),
      );
    }
    if (f.lastActiveBefore !== undefined || f.activeSince !== undefined || f.neverActive !== undefined) {
      if (!q.caps.sessionTable) throw badRequest("lastActiveBefore/activeSince/neverActive: activity needs sessions in the database; this app keeps them only in Redis");
      // Index probes on session (userId, updatedAt), per user: the doctor's session_user_updated.
      const sessions = () => eb.selectFrom("session").select(sql`1`.as("one")).whereRef("session.userId", "=", "user.id");
      if (f.lastActiveBefore) conds.push(eb.not(eb.exists(sessions().where("session.updatedAt", ">=", f.lastActiveBefore))));
      if (f.activeSince) conds.push(eb.exists(sessions().where("session.updatedAt", ">=", f.activeSince)));
      if (f.neverActive !== undefined) conds.push(f.neverActive ? eb.not(eb.exists(sessions())) : eb.exists(sessions()));
    }
    if (f.createdAfter) conds.push(eb("user.createdAt", ">=", f.createdAfter));
    if (f.createdBefore) conds.push(eb("user.createdAt", "<", f.createdBefore));
    return eb.and(conds);
  };
}
