import { getAuthTables } from "better-auth/db";
import type { FieldSpec, ModelName } from "./types";

type PluginSchema = Record<string, { fields: Record<string, unknown> }>;

/** Better Auth's core tables (what its migrations create without plugins): user, session, account, verification. */
export const coreModelNames = Object.keys(getAuthTables({})) as ModelName[];

/**
 * Splits a Better Auth schema (a plugin's `.schema`, or core's tables) into the fields a module
 * requires and the ones it reads when present, so no module restates the plugin's columns. Only the
 * core tables and the plugin tables the module names in `tables` are read; any other table of the
 * plugin (e.g. `twoFactor`, which holds secrets) is left out: never read, no model.
 * A required field the schema does not define is a programming error, caught at import (and by
 * test/modules.test.ts) rather than as a module that can never switch on.
 */
export function fieldsOf(
  schema: PluginSchema,
  required: FieldSpec,
  extra: FieldSpec = {},
  tables: readonly ModelName[] = [],
): { requires: FieldSpec; optional: FieldSpec } {
  const requires: Partial<Record<ModelName, string[]>> = {};
  const optional: Partial<Record<ModelName, string[]>> = {};
  for (const model of [...coreModelNames, ...tables]) {
    const defined = [...Object.keys(schema[model]?.fields ?? {}), ...(extra[model] ?? [])];
    const need = required[model] ?? [];
    const unknown = need.filter((f) => !defined.includes(f));
    if (unknown.length) throw new Error(`module requires ${model}.${unknown.join(", ")}, which Better Auth's schema does not define`);
    if (need.length) requires[model] = [...need];
    const rest = defined.filter((f) => !need.includes(f));
    if (rest.length) optional[model] = rest;
  }
  return { requires, optional };
}
