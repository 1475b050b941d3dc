import { rowFields, type UserFacts } from "../modules";
import type { UserRow } from "./queries";

/**
 * A user row as the modules' row contributions read it (lib/modules types.ts UserRowPart): their
 * row fields and the profile fields read with the row, by logical name.
 */
export function userFacts(u: UserRow): UserFacts {
  const row = u as unknown as Record<string, unknown>;
  return { ...u.extra, ...Object.fromEntries(rowFields.map(({ field }) => [field, row[field] ?? null])) };
}
