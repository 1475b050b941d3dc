import * as z from "zod";
import { knownKeys } from "../known-params";
import { badRequest } from "../errors";
import { isoDate, limitParam, optionalText, parseParams } from "../params";

/** The audit table's URL state, described once (client-safe: the toolbar derives its nuqs parsers from it). */
/** Strict (an unknown key is a 400 on the API); the page passes ignoreUnknown. */
export const auditListSchema = z.strictObject({
  /** actor id or email */
  actor: optionalText(320),
  /** a target id (user or session) */
  target: optionalText(255),
  /** an action name or its prefix, e.g. "user.ban" or "users.bulk" */
  action: z.string().trim().max(100).regex(/^[a-zA-Z.]*$/, "must be an action name").optional().transform((v) => v || undefined),
  /** records at or after this date (inclusive) */
  after: isoDate,
  /** records before this date (exclusive: the date-range picker stores the day after the last day) */
  before: isoDate,
  limit: limitParam(50),
  cursor: optionalText(500),
});
export type AuditListParams = z.output<typeof auditListSchema>;

export function parseAuditParams(input: URLSearchParams | Record<string, string | string[] | undefined>, opts: { ignoreUnknown?: boolean } = {}): AuditListParams {
  return checkRange(parseParams(auditListSchema, opts.ignoreUnknown ? knownKeys(auditListSchema, input) : input));
}

function checkRange<P extends { after?: Date; before?: Date }>(p: P): P {
  if (p.after && p.before && p.after >= p.before) throw badRequest("after must be earlier than before");
  return p;
}

/** The export's parameters: the list's filters, without the page (an export walks every page). */
export const auditExportSchema = auditListSchema.omit({ limit: true, cursor: true });
export function parseAuditExportParams(input: URLSearchParams | Record<string, string | string[] | undefined>, pageSize: number): AuditListParams {
  return { ...checkRange(parseParams(auditExportSchema, input)), limit: pageSize };
}
