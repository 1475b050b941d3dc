import type { StaffRole } from "../auth/roles";

/**
 * One structured record per staff mutation. Always printed as a JSON line on stdout; also stored in
 * the audit table, in the same transaction as the change, when the operator installed it.
 */
export interface AuditRecord {
  id: string;
  at: Date;
  /**
   * The same instant with the database clock's microseconds (ISO 8601, e.g. 2026-06-01T00:00:00.123456Z):
   * actions on the same rows can commit within one millisecond, and only this keeps them in order.
   */
  atMicros?: string;
  actor: { id: string; email: string; role: StaffRole };
  /** e.g. "user.ban", "users.bulk.ban", "sessions.revoke" */
  action: string;
  /** the core's targets, or a type a module's actions record (its `audit.targets`) */
  targetType: "user" | "session" | (string & {});
  targetIds: string[];
  targetCount: number;
  reason: string | null;
  /** changed fields before / after (per target for single actions, a summary for bulk ones) */
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/** What an action reports about itself; the runner adds actor, time and request. */
export type AuditDraft = Pick<AuditRecord, "targetType" | "targetIds" | "before" | "after"> & {
  targetCount?: number;
  reason?: string | null;
  /** overrides the action name (e.g. a bulk action reporting "users.bulk.ban") */
  action?: string;
};
