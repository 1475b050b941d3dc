import type { Q } from "../db/context";
import type { CsvValue } from "../export/csv";
import { sessionFieldNames } from "../modules";
import { listSessions } from "./list";
import type { SessionListParams } from "./search-params";

/** Named columns, the modules' session fields last; never the session token (listSessions does not select it). */
export const SESSION_EXPORT_HEADER: readonly string[] = [
  "id", "userId", "userEmail", "userName", "ipAddress", "userAgent", "createdAt", "updatedAt", "expiresAt", ...sessionFieldNames,
];

/**
 * Sessions (live or not) one query of the export may read: the span of one window of creation
 * times. At 1M users on a busy 2-core machine, a page query over a window of expired sessions took
 * 1.4 s for 20k and 2.5 s for 100k (heap reads dominate; the per-query cost amortises): 50k keeps
 * each query several times under the default 15 s statement timeout with ~60 windows over 3M.
 */
export const EXPORT_WINDOW = 50_000;

/**
 * Every live session the filters select, newest first, in windows of creation time that each span
 * at most `window` sessions of the table, paged with the list's own query inside each window.
 *
 * Why windows: a keyset page ("the next 1,000 live sessions before the cursor") is one query that
 * reads sessions until it has found its page. Live sessions are a fraction of the table (at 1M
 * users 175k of 3M: expired ones are kept until the app deletes them), and once they are all
 * exported the last page's query read the 2.8M expired ones behind them in one statement, past the
 * dashboard's statement timeout (the 1M export failed after ~55 MB). Bounded by a window, every
 * query reads at most `window` sessions however sparse the matches, so an export of any size
 * completes under any statement timeout that one window fits in.
 *
 *   window floor: select createdAt from session where createdAt < $before
 *                 order by createdAt desc, id desc offset $window - 1 limit 1     -- index-only, session (createdAt, id)
 *   pages:        the list's query with createdAt in [floor, before) and its cursor
 *   next window:  before = floor; none left when there is no floor (the last window is open below)
 *
 * The same Date bounds the window below and the next one above, so the windows partition the table
 * whatever the timestamps' precision. The list's own createdAfter/createdBefore narrow the windows.
 */
export async function* sessionExportRows(q: Q, params: SessionListParams, now = new Date(), window = EXPORT_WINDOW): AsyncGenerator<CsvValue[][]> {
  let before = params.createdBefore;
  for (;;) {
    const floor = await windowFloor(q, before, params.createdAfter, window);
    const bounds = { createdAfter: floor && (!params.createdAfter || floor > params.createdAfter) ? floor : params.createdAfter, createdBefore: before };
    let cursor: string | undefined;
    do {
      const { rows, nextCursor } = await listSessions(q, { ...params, ...bounds, ...(cursor ? { cursor } : {}) }, now);
      if (rows.length) {
        yield rows.map((s) => {
          const extra = s as unknown as Record<string, CsvValue>;
          return [s.id, s.userId, s.userEmail, s.userName, s.ipAddress, s.userAgent, s.createdAt, s.updatedAt, s.expiresAt, ...sessionFieldNames.map((f) => extra[f])];
        });
      }
      cursor = nextCursor ?? undefined;
    } while (cursor);
    if (!floor) return;
    before = floor;
  }
}

/** The creation time of the `window`-th newest session before `before`, or null when fewer remain. */
async function windowFloor(q: Q, before: Date | undefined, after: Date | undefined, window: number): Promise<Date | null> {
  const row = await q.db
    .selectFrom("session")
    .select("session.createdAt")
    .$if(before !== undefined, (qb) => qb.where("session.createdAt", "<", before as Date))
    .$if(after !== undefined, (qb) => qb.where("session.createdAt", ">=", after as Date))
    .orderBy("session.createdAt", "desc")
    .orderBy("session.id", "desc")
    .offset(window - 1)
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.createdAt) : null;
}
