import type { Q } from "../db/context";
import type { CsvValue } from "../export/csv";
import { listAudit } from "./queries";
import type { AuditListParams } from "./search-params";

/**
 * Named columns. `targetIds` holds the first 100 ids (as the list does); `targetCount` is the full
 * number. `before` and `after` are the record's JSON as written by the action runner.
 */
export const AUDIT_EXPORT_HEADER = [
  "id", "at", "actorId", "actorEmail", "actorRole", "action", "targetType", "targetCount", "targetIds",
  "reason", "before", "after", "ip", "userAgent",
] as const;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Every audit record the filters select, newest first, one keyset page at a time (see userExportRows). */
export async function* auditExportRows(q: Q, params: AuditListParams): AsyncGenerator<CsvValue[][]> {
  let cursor = params.cursor;
  do {
    const { rows, nextCursor } = await listAudit(q, { ...params, ...(cursor ? { cursor } : {}) });
    yield rows.map((r) => [
      r.id, r.at, r.actorId, r.actorEmail, r.actorRole, r.action, r.targetType, r.targetCount, r.targetIds.join(" "),
      r.reason, json(r.before), json(r.after), r.ip, r.userAgent,
    ]);
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
