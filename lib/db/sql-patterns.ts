import type { ModelName } from "../modules";
import type { Naming } from "./naming";

/**
 * SQL text helpers that several layers use (the users and sessions filters, start-up introspection,
 * the doctor). They live in lib/db so those layers import downward only.
 */

/** A LIKE/ILIKE operand matching `s` literally: `\`, `%` and `_` escaped (Postgres' default escape is `\`). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** A physical column name as pg_indexes.indexdef prints it: quoted only when it needs to be, so match both. */
export const indexdefColumn = (n: Naming, model: ModelName, field: string) =>
  `"?${n.column(model, field).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?`;

/** pg_indexes.indexdef of a trigram index on lower(<field>): what makes substring search indexed. */
export const trgmPattern = (n: Naming, model: ModelName, field: string) =>
  new RegExp(`gin \\(lower\\(\\(?${indexdefColumn(n, model, field)}\\)?(::text)?\\) gin_trgm_ops\\)`);
