import { sql } from "kysely";
import type { Q } from "../db/context";
import { AUDIT_TABLE } from "./table";
import type { AuditRecord } from "./types";

/** Inserts the record with the change's own transaction (`q.db` is the transaction). */
export async function insertAudit(q: Q, r: AuditRecord): Promise<void> {
  await sql`
    insert into ${sql.id(q.naming.options.schema, AUDIT_TABLE)}
      (id, at, actor_id, actor_email, actor_role, action, target_type, target_ids, target_count, reason, before, after, ip, user_agent)
    values (${r.id}, cast(${r.atMicros ?? r.at.toISOString()} as timestamptz), ${r.actor.id}, ${r.actor.email}, ${r.actor.role}, ${r.action}, ${r.targetType},
      ${r.targetIds}::text[], ${r.targetCount}, ${r.reason}, ${JSON.stringify(r.before ?? null)}::jsonb,
      ${JSON.stringify(r.after ?? null)}::jsonb, ${r.ip}, ${r.userAgent})`.execute(q.db);
}

/** The always-on trail: one JSON line per mutation on stdout, for the operator's log pipeline. */
export function logAudit(r: AuditRecord, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const { atMicros, ...rest } = r;
  write(JSON.stringify({ type: "audit", ...rest, at: atMicros ?? r.at.toISOString() }));
}
