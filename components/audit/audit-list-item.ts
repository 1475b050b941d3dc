import type { AuditRow } from "@/lib/audit/queries";
import { describeAction, type FieldChange, fieldChanges } from "@/lib/audit/describe";
import { auditTargetHref } from "@/lib/modules";
import { type TimeValue, timeValue } from "../ui/format";

/** How many target ids a row shows; the rest is summed up as "+N more". */
const SHOWN_TARGETS = 3;

/**
 * An audit row for the client table: the time formatted on the server, before/after as pretty JSON
 * text (plain strings cross to the client unchanged, whatever the JSON holds).
 */
export type AuditListItem = Omit<AuditRow, "at" | "before" | "after"> & {
  at: TimeValue;
  before: string | null;
  after: string | null;
  /** "signed out everywhere 3 users" */
  summary: string;
  /** the fields that changed, when before and after are objects */
  changes: FieldChange[];
  /** a module's target type: the page each shown target links to, by id (its `audit.targets`) */
  targetHrefs: Record<string, string>;
  /** emails of the shown user targets, by id */
  targetEmails: Record<string, string>;
};

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v, null, 2));

export function toAuditListItem(r: AuditRow, now: Date, emails: ReadonlyMap<string, string> = new Map()): AuditListItem {
  const shown = r.targetIds.slice(0, SHOWN_TARGETS);
  return {
    id: r.id,
    at: timeValue(r.at, now),
    actorId: r.actorId,
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    action: r.action,
    targetType: r.targetType,
    targetIds: shown,
    targetHrefs: Object.fromEntries(shown.flatMap((id) => {
      const href = auditTargetHref(r.targetType, id);
      return href ? [[id, href]] : [];
    })),
    targetEmails: r.targetType === "user" ? Object.fromEntries(shown.flatMap((id) => (emails.has(id) ? [[id, emails.get(id) as string]] : []))) : {},
    summary: describeAction(r.action, r.targetCount, r.targetType),
    changes: fieldChanges(r.before, r.after),
    targetCount: r.targetCount,
    reason: r.reason,
    before: json(r.before),
    after: json(r.after),
    ip: r.ip,
    userAgent: r.userAgent,
  };
}
