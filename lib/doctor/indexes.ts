import type { Capabilities } from "../db/introspect";
import { type Naming, quoteIdent } from "../db/naming";
import { indexdefColumn, trgmPattern } from "../db/sql-patterns";
import { type ModelName, modules } from "../modules";

/**
 * The indexes the dashboard's queries need beyond Better Auth's own (pk, unique email, session
 * token, session/account userId). Each says which query it serves; names are ours so the doctor
 * recognises its own work, and `equivalent` recognises an index the app already has.
 */
export interface IndexSpec {
  id: string;
  model: ModelName;
  why: string;
  needsTrgm?: boolean;
  /** the part after `ON table`: `USING gin (lower("email") gin_trgm_ops) WITH (fastupdate = off)` */
  using: string;
  /** pg_indexes.indexdef of an existing index that serves the same purpose */
  equivalent: RegExp;
}

const col = (n: Naming, model: ModelName, field: string) => quoteIdent(n.column(model, field));
const re = indexdefColumn;

/**
 * Trigram indexes are created without GIN's pending list. With it (the default), every changed row's
 * trigrams queue in an unsorted list that each search reads in full until vacuum merges it: after a
 * bulk ban of 10,000 users a rare-term search at 1M users went from 3 ms to 11 ms. Writes to a user
 * row's indexed columns are rare; searches are not.
 */
const trgm = (n: Naming, field: string, model: ModelName = "user") => `USING gin (lower(${col(n, model, field)}) gin_trgm_ops) WITH (fastupdate = off)`;

/** pg_indexes.indexdef without GIN's pending list (see trgm). */
export const noPendingList = (def: string) => /fastupdate\s*=\s*'?(off|false)'?/i.test(def);


export function recommendedIndexes(n: Naming, caps: Capabilities): IndexSpec[] {
  const out: IndexSpec[] = [
    {
      id: "user_email_trgm", model: "user", needsTrgm: true, why: "substring search on email (users search box)",
      using: trgm(n, "email"),
      equivalent: trgmPattern(n, "user", "email"),
    },
    {
      id: "user_name_trgm", model: "user", needsTrgm: true, why: "substring search on name (users search box)",
      using: trgm(n, "name"),
      equivalent: trgmPattern(n, "user", "name"),
    },
    {
      id: "user_created", model: "user", why: "newest/oldest sort, keyset pages at any depth, created-date filter",
      using: `(${col(n, "user", "createdAt")}, ${col(n, "user", "id")})`,
      equivalent: new RegExp(`btree \\(${re(n, "user", "createdAt")}( DESC)?, ${re(n, "user", "id")}( DESC)?\\)$`),
    },
    {
      id: "user_name_sort", model: "user", why: "sort by name",
      using: `(${col(n, "user", "name")}, ${col(n, "user", "id")})`,
      equivalent: new RegExp(`btree \\(${re(n, "user", "name")}, ${re(n, "user", "id")}\\)$`),
    },
    {
      id: "session_user_updated", model: "session", why: "last active per user, a user's sessions by last refresh, last-active sort",
      using: `(${col(n, "session", "userId")}, ${col(n, "session", "updatedAt")})`,
      equivalent: new RegExp(`btree \\(${re(n, "session", "userId")}, ${re(n, "session", "updatedAt")}( DESC)?\\)`),
    },
    {
      id: "session_updated", model: "session", why: "users sorted by last activity (sessions walked newest first)",
      using: `(${col(n, "session", "updatedAt")}, ${col(n, "session", "userId")})`,
      equivalent: new RegExp(`btree \\(${re(n, "session", "updatedAt")}( DESC)?, ${re(n, "session", "userId")}( DESC)?\\)`),
    },
    {
      id: "session_ip", model: "session", why: "sessions of one IP or range (exact match and prefix LIKE)",
      using: `(${col(n, "session", "ipAddress")} text_pattern_ops)`,
      equivalent: new RegExp(`btree \\(${re(n, "session", "ipAddress")} text_pattern_ops\\)`),
    },
    {
      id: "session_created", model: "session", why: "sessions page, newest first",
      using: `(${col(n, "session", "createdAt")}, ${col(n, "session", "id")})`,
      equivalent: new RegExp(`btree \\(${re(n, "session", "createdAt")}( DESC)?, ${re(n, "session", "id")}( DESC)?\\)`),
    },
    {
      // Partial: only the OAuth rows, so the look-up is index-only and the index small. Without it
      // each look-up reads the userId index and the account's heap page; at 1M users (bench_1000000,
      // 128 MB shared buffers) those were ~23k of a 9-day slice's ~61k buffer misses.
      id: "account_oauth", model: "account", why: "spam scoring: whether each scored user signs in with an OAuth provider (a look-up per user)",
      using: `(${col(n, "account", "userId")}) WHERE ${col(n, "account", "providerId")} <> 'credential'`,
      equivalent: new RegExp(`btree \\(${re(n, "account", "userId")}\\) WHERE \\(${re(n, "account", "providerId")} <> 'credential'|btree \\(${re(n, "account", "userId")}, ${re(n, "account", "providerId")}\\)$`),
    },
  ];
  if (!caps.sessionTable) out.splice(0, out.length, ...out.filter((s) => s.model !== "session"));
  // the search box also matches the modules' search fields: each needs its trigram index
  for (const field of new Set(modules.flatMap((m) => m.searchFields ?? []))) {
    if (!caps.columns.user.has(field)) continue;
    out.push({
      id: `user_${field}_trgm`, model: "user", needsTrgm: true, why: `substring search on ${field} (the search box includes it)`,
      using: trgm(n, field),
      equivalent: trgmPattern(n, "user", field),
    });
  }
  // the indexes the modules that are on need for their own pages and filters (e.g. a module's own list page)
  for (const m of modules) if (caps.modules.has(m.id as never)) out.push(...(m.indexes?.(n) ?? []));
  return out;
}

export const indexName = (spec: IndexSpec) => `ba_admin_${spec.id}`;

export function createIndexSql(n: Naming, spec: IndexSpec): string {
  return `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdent(indexName(spec))} ON ${n.qualified(spec.model)} ${spec.using}`;
}
