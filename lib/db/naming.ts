import { knownFields, type ModelName, modelNames } from "../modules";

/**
 * How the app names Better Auth's tables and columns. Same vocabulary as Better Auth's own options
 * (`user: { modelName, fields }`, `usePlural`) plus the column casing Drizzle/Prisma apps use and the
 * Postgres schema the tables live in.
 */
export interface NamingOptions {
  schema: string;
  casing: "camel" | "snake";
  usePlural: boolean;
  models: Partial<Record<ModelName, { modelName?: string; fields?: Record<string, string> }>>;
}

export const defaultNaming: NamingOptions = { schema: "public", casing: "camel", usePlural: false, models: {} };

export interface Naming {
  readonly options: NamingOptions;
  /** physical table name of a model (without schema) */
  table(model: ModelName): string;
  /** physical column name of a logical field */
  column(model: ModelName, field: string): string;
  /** `"schema"."table"`, for the few raw statements (seed, doctor) */
  qualified(model: ModelName): string;
  /** true when a logical field is known for the model */
  isField(model: ModelName, field: string): boolean;
  fields(model: ModelName): readonly string[];
  /** the same mapping in Better Auth's option shape, for the dashboard's own Better Auth instance */
  betterAuthModels(): Record<ModelName, { modelName: string; fields: Record<string, string> }>;
}

export const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function createNaming(options: NamingOptions = defaultNaming): Naming {
  const known = knownFields();
  const table = (model: ModelName) => {
    const explicit = options.models[model]?.modelName;
    if (explicit) return explicit;
    const base = options.casing === "snake" ? toSnake(model) : model;
    return options.usePlural ? `${base}s` : base;
  };
  const column = (model: ModelName, field: string) =>
    options.models[model]?.fields?.[field] ?? (options.casing === "snake" ? toSnake(field) : field);
  return {
    options,
    table,
    column,
    qualified: (model) => `${quoteIdent(options.schema)}.${quoteIdent(table(model))}`,
    isField: (model, field) => known[model].has(field),
    fields: (model) => [...known[model]],
    betterAuthModels() {
      const entries = modelNames.map((model) => {
        const fields = Object.fromEntries([...known[model]].filter((f) => f !== "id").map((f) => [f, column(model, f)]));
        return [model, { modelName: table(model), fields }];
      });
      return Object.fromEntries(entries) as ReturnType<Naming["betterAuthModels"]>;
    },
  };
}
