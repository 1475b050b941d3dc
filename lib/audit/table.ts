import { type Kysely, sql } from "kysely";
import { AUDIT_TABLE } from "../db/app-tables";
import { quoteIdent } from "../db/naming";

/** Re-exported: the audit layer's callers (and tests) name the table from here. */
export { AUDIT_TABLE };

export function auditTableDdl(schema: string): string[] {
  const t = `${quoteIdent(schema)}.${quoteIdent(AUDIT_TABLE)}`;
  return [
    `create table if not exists ${t} (
      id uuid primary key,
      at timestamptz not null default now(),
      actor_id text not null,
      actor_email text not null,
      actor_role text not null,
      action text not null,
      target_type text not null,
      target_ids text[] not null,
      target_count integer not null,
      reason text,
      before jsonb,
      after jsonb,
      ip text,
      user_agent text
    )`,
    `create index if not exists ${quoteIdent(`${AUDIT_TABLE}_at_idx`)} on ${t} (at desc, id desc)`,
    `create index if not exists ${quoteIdent(`${AUDIT_TABLE}_actor_idx`)} on ${t} (actor_id, at desc)`,
    `create index if not exists ${quoteIdent(`${AUDIT_TABLE}_action_idx`)} on ${t} (action, at desc)`,
    `create index if not exists ${quoteIdent(`${AUDIT_TABLE}_targets_idx`)} on ${t} using gin (target_ids)`,
  ];
}

export async function installAuditTable(db: Kysely<any>, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const stmt of auditTableDdl(schema)) await sql.raw(stmt).execute(trx);
  });
}
