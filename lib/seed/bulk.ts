import { type Kysely, sql } from "kysely";
import type { Naming } from "../db/naming";
import type { SeedModel } from "./unnest";

/**
 * Bulk-load mode for a fresh benchmark schema: the seeder drops the three tables' indexes and
 * constraints, loads, then builds them again. Inserting 10M users into random-key B-trees (ids,
 * tokens, emails) that no longer fit in memory costs a random page write per row and a full-page
 * image in the WAL after each checkpoint: that, more than the generator, is what made a long seed
 * slow down. A build after the load sorts once. Only for tables the seeder owns entirely (the
 * benchmark's own schema): while the indexes are gone, nothing checks uniqueness but the generator.
 */
export interface SavedDefinition {
  table: string;
  name: string;
  /** `alter table … add constraint …` or `create index …`, exactly as Postgres prints it */
  create: string;
  kind: "constraint" | "foreign key" | "index";
}

const MODELS: readonly SeedModel[] = ["user", "account", "session"];

/** Drops the tables' foreign keys, then their constraints and indexes; returns how to recreate them. */
export async function dropForBulkLoad(db: Kysely<any>, naming: Naming): Promise<SavedDefinition[]> {
  const saved: SavedDefinition[] = [];
  const schema = naming.options.schema;
  for (const model of MODELS) {
    const table = naming.table(model);
    const { rows: cons } = await sql<{ name: string; def: string; type: string }>`
      select c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype as type
      from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = ${schema} and t.relname = ${table} and c.contype in ('p', 'u', 'f')`.execute(db);
    for (const c of cons) {
      saved.push({ table, name: c.name, kind: c.type === "f" ? "foreign key" : "constraint", create: `alter table ${naming.qualified(model)} add constraint "${c.name.replace(/"/g, '""')}" ${c.def}` });
    }
    const { rows: idx } = await sql<{ name: string; def: string }>`
      select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = ${schema} and t.relname = ${table}
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)`.execute(db);
    for (const i of idx) saved.push({ table, name: i.name, kind: "index", create: i.def });
  }
  // foreign keys first: a primary key cannot go while a foreign key depends on it
  const order = (d: SavedDefinition) => (d.kind === "foreign key" ? 0 : 1);
  for (const d of [...saved].sort((a, b) => order(a) - order(b))) {
    const table = sql.id(schema, d.table);
    if (d.kind === "index") await sql`drop index ${sql.id(schema, d.name)}`.execute(db);
    else await sql`alter table ${table} drop constraint ${sql.id(d.name)}`.execute(db);
  }
  return saved;
}

/**
 * Builds what dropForBulkLoad removed: primary and unique keys, then plain indexes, then foreign keys
 * (which need the referenced key). Reports each build's time.
 */
export async function restoreAfterBulkLoad(db: Kysely<any>, saved: readonly SavedDefinition[], onBuilt?: (d: SavedDefinition, ms: number) => void): Promise<void> {
  if (saved.length === 0) return;
  const order = (d: SavedDefinition) => (d.kind === "constraint" ? 0 : d.kind === "index" ? 1 : 2);
  await db.connection().execute(async (conn) => {
    // one session: sorts in memory rather than in temporary files (the default is 64 MB)
    await sql`set maintenance_work_mem = '1GB'`.execute(conn);
    for (const d of [...saved].sort((a, b) => order(a) - order(b))) {
      const t0 = performance.now();
      await sql.raw(d.create).execute(conn);
      onBuilt?.(d, performance.now() - t0);
    }
  });
}
