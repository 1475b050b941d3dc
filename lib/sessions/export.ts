import type { Q } from "../db/context";
import type { CsvValue } from "../export/csv";
import { sessionFieldNames } from "../modules";
import { listSessions } from "./list";
import type { SessionListParams } from "./search-params";

/** Named columns, the modules' session fields last; never the session token (listSessions does not select it). */
export const SESSION_EXPORT_HEADER: readonly string[] = [
  "id", "userId", "userEmail", "userName", "ipAddress", "userAgent", "createdAt", "updatedAt", "expiresAt", ...sessionFieldNames,
];

/** Every live session the filters select, newest first, one keyset page at a time (see userExportRows). */
export async function* sessionExportRows(q: Q, params: SessionListParams, now = new Date()): AsyncGenerator<CsvValue[][]> {
  let cursor = params.cursor;
  do {
    const { rows, nextCursor } = await listSessions(q, { ...params, ...(cursor ? { cursor } : {}) }, now);
    yield rows.map((s) => {
      const extra = s as unknown as Record<string, CsvValue>;
      return [s.id, s.userId, s.userEmail, s.userName, s.ipAddress, s.userAgent, s.createdAt, s.updatedAt, s.expiresAt, ...sessionFieldNames.map((f) => extra[f])];
    });
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
