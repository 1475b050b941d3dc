import { type Kysely, sql } from "kysely";
import { type Naming, quoteIdent } from "../db/naming";
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
  /** the table it belongs to, as Postgres prints it (schema-qualified, quoted where needed) */
  table: string;
  name: string;
  /** `alter table … add constraint …` or `create index …`, exactly as Postgres prints it */
  create: string;
  kind: "constraint" | "foreign key" | "index";
}

const MODELS: readonly SeedModel[] = ["user", "account", "session"];

/**
 * Drops the tables' foreign keys (theirs and those of other tables pointing at them, such as a
 * plugin's table referencing users), then their keys and indexes; returns how to recreate them.
 */
export async function dropForBulkLoad(db: Kysely<any>, naming: Naming): Promise<SavedDefinition[]> {
  const tables = MODELS.map((m) => naming.qualified(m));
  const { rows: cons } = await sql<{ tbl: string; name: string; def: string; type: string }>`
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype as type
    from pg_constraint c
    where (c.contype in ('p', 'u', 'f') and c.conrelid = any(${tables}::regclass[]))
       or (c.contype = 'f' and c.confrelid = any(${tables}::regclass[]))`.execute(db);
  const { rows: idx } = await sql<{ tbl: string; name: string; def: string }>`
    select x.indrelid::regclass::text as tbl, x.indexrelid::regclass::text as name, pg_get_indexdef(x.indexrelid) as def
    from pg_index x
    where x.indrelid = any(${tables}::regclass[])
      and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)`.execute(db);
  // a foreign key of another table may also be one of the tables' own: once is enough
  const unique = new Map(cons.map((c) => [`${c.tbl} ${c.name}`, c]));
  const saved: SavedDefinition[] = [
    ...[...unique.values()].map((c): SavedDefinition => ({
      table: c.tbl, name: c.name, kind: c.type === "f" ? "foreign key" : "constraint", create: `alter table ${c.tbl} add constraint ${quoteIdent(c.name)} ${c.def}`,
    })),
    ...idx.map((i): SavedDefinition => ({ table: i.tbl, name: i.name, kind: "index", create: i.def })),
  ];
  // foreign keys first: a primary key cannot go while a foreign key depends on it
  const order = (d: SavedDefinition) => (d.kind === "foreign key" ? 0 : 1);
  for (const d of [...saved].sort((a, b) => order(a) - order(b))) {
    // names from the catalogue, printed by Postgres itself as SQL identifiers (regclass text, quoteIdent)
    if (d.kind === "index") await sql`drop index ${sql.raw(d.name)}`.execute(db);
    else await sql`alter table ${sql.raw(d.table)} drop constraint ${sql.raw(quoteIdent(d.name))}`.execute(db);
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
