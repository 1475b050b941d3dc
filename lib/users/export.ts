import type { Q } from "../db/context";
import type { CsvValue } from "../export/csv";
import { userRowParts } from "../modules";
import { userFacts } from "./facts";
import { listUsers } from "./queries";
import type { UserListParams } from "./list-params";

/**
 * The users export's columns: named one by one (the core's, and after "role" those every registered
 * module's row declares, on or off, so the header is fixed), so a column added to the list's query
 * never reaches a file by accident, and nothing secret (passwords and tokens live in
 * `account`/`session` and are never selected by the list anyway).
 */
const moduleColumns = userRowParts.flatMap((p) => p.exportColumns ?? []);
export const USER_EXPORT_HEADER: readonly string[] = [
  "id", "email", "name", "emailVerified", "role", ...moduleColumns.map((c) => c.header),
  "createdAt", "updatedAt", "lastActiveAt", "signInMethods",
];

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
    yield rows.map((u) => {
      const facts = userFacts(u);
      return [
        u.id, u.email, u.name, u.emailVerified, u.role, ...moduleColumns.map((c) => c.cell(facts, now)),
        u.createdAt, u.updatedAt, u.lastActiveAt, u.providers.join(" "),
      ];
    });
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
