import type { ExpressionBuilder, SqlBool, Expression } from "kysely";
import type { DB } from "../../db/schema";

/**
 * Better Auth's effective ban: `banned = true` counts only while `banExpires` is unset or in the
 * future (an expired ban is lifted at the next sign-in). `banned` may be NULL on rows written before
 * the admin plugin; NULL means not banned.
 */
export type BanStatus = "active" | "banned" | "expired";

export function banStatusOf(u: { banned: boolean | null; banExpires: Date | null }, now: Date): BanStatus {
  if (u.banned !== true) return "active";
  if (u.banExpires && u.banExpires.getTime() <= now.getTime()) return "expired";
  return "banned";
}

/** SQL for the same rule, used by filters and bulk actions alike. */
export function banStatusIs(eb: ExpressionBuilder<DB, "user">, status: BanStatus, now: Date): Expression<SqlBool> {
  const bannedTrue = eb("user.banned", "is", true);
  const expired = eb.and([eb("user.banExpires", "is not", null), eb("user.banExpires", "<=", now)]);
  if (status === "banned") return eb.and([bannedTrue, eb.or([eb("user.banExpires", "is", null), eb("user.banExpires", ">", now)])]);
  if (status === "expired") return eb.and([bannedTrue, expired]);
  return eb.or([eb("user.banned", "is not", true), expired]);
}
