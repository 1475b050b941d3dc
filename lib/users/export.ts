import type { Q } from "../db/context";
import type { CsvValue } from "../export/csv";
import { banStatusOf } from "../modules/admin/ban-status";
import { listUsers } from "./queries";
import type { UserListParams } from "./list-params";

/**
 * The users export's columns: named one by one, so a column added to the list's query never reaches
 * a file by accident, and nothing secret (passwords and tokens live in `account`/`session` and are
 * never selected by the list anyway).
 */
export const USER_EXPORT_HEADER = [
  "id", "email", "name", "emailVerified", "role", "status", "banReason", "banExpires",
  "createdAt", "updatedAt", "lastActiveAt", "signInMethods",
] as const;

/**
 * Every user the list's filters select, in the list's sort, one keyset page at a time: the same
 * query function the table pages with (filters, sort and search identical by construction), so
 * memory is one page whatever the total. Not a snapshot: a user created during the walk appears if
 * it sorts after the current page; a keyset walk never repeats a row of an immutable sort key.
 */
export async function* userExportRows(q: Q, params: UserListParams, now = new Date()): AsyncGenerator<CsvValue[][]> {
  let cursor = params.cursor;
  do {
    const { rows, nextCursor } = await listUsers(q, { ...params, ...(cursor ? { cursor } : {}) }, now);
    yield rows.map((u) => [
      u.id, u.email, u.name, u.emailVerified, u.role, banStatusOf(u, now), u.banReason, u.banExpires,
      u.createdAt, u.updatedAt, u.lastActiveAt, u.providers.join(" "),
    ]);
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
