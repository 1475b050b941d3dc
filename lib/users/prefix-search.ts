import { type ExpressionBuilder, type Expression, type SqlBool, sql } from "kysely";
import type { DB } from "../db/schema";
import { escapeLike } from "../db/sql-patterns";

/**
 * "Starts with" search: a term ending in `*` (`ann*`) finds the users whose email starts with it,
 * case-insensitively. It needs no trigram index: Better Auth's own unique index on email answers it
 * with index range scans, where a substring search without the doctor's trigram indexes reads the
 * whole table.
 *
 * Case: the condition is `lower(email) like 'ann%'`, exactly. The index on `email` is on the stored
 * case, so the ranges cover every upper/lower variant of the prefix's first letters (`ann`, `Ann`,
 * `aNn` … at most 2^6), and the `like` rechecks each row. Ranges follow byte order, which is
 * prefix order only under a C collation (C, C.UTF-8, POSIX, ucs_basic, pg_c_utf8; Better Auth's
 * email column takes the database's default): under a linguistic collation, or for non-ASCII
 * letters in the prefix's first characters, only the `like` is used, still correct but a scan.
 */
export function prefixTerm(q: string | undefined): string | null {
  if (!q || !q.endsWith("*")) return null;
  const prefix = q.slice(0, -1);
  // a lone `*`, or a `*` inside the term: an ordinary substring search
  if (prefix.length === 0 || prefix.includes("*")) return null;
  return prefix.toLowerCase();
}

/** Letters whose case variants the ranges spell out; the rest of the prefix is left to `like`. */
const MAX_CASED_LETTERS = 6;

/**
 * Every way of casing the leading part of `prefix` (up to MAX_CASED_LETTERS ASCII letters), or null
 * when a non-ASCII character comes first (its case folding is the server's, not ours to enumerate).
 */
export function caseVariants(prefix: string): string[] | null {
  let variants = [""];
  let letters = 0;
  for (const ch of prefix) {
    if (ch.charCodeAt(0) > 0x7e) return variants[0] === "" ? null : variants;
    const upper = ch.toUpperCase();
    if (upper !== ch) {
      if (letters === MAX_CASED_LETTERS) break;
      letters++;
      variants = variants.flatMap((v) => [v + ch, v + upper]);
    } else variants = variants.map((v) => v + ch);
  }
  return variants;
}

/** The smallest string greater than every string starting with `s` (byte order; `s` is ASCII here). */
function successor(s: string): string {
  return s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);
}

/**
 * The WHERE condition of a prefix search; `ranges`: the email column sorts in byte order
 * (caps.emailByteOrder). Not found through the ranges: an address whose first characters are
 * non-ASCII yet lower-case to ASCII letters (the Kelvin sign K); the `like` alone would find it.
 */
export function prefixWhere(eb: ExpressionBuilder<DB, "user">, prefix: string, ranges: boolean): Expression<SqlBool> {
  // lower() on both sides, as the substring search does (filters.ts): the server's case folding decides
  const exact = sql<SqlBool>`lower(${eb.ref("user.email")}) like lower(${`${escapeLike(prefix)}%`})`;
  const variants = ranges ? caseVariants(prefix) : null;
  if (!variants) return exact;
  const email = eb.ref("user.email");
  const inRanges = eb.or(variants.map((v) => sql<SqlBool>`(${email} >= ${v} and ${email} < ${successor(v)})`));
  return eb.and([inRanges, exact]);
}
