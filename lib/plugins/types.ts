/**
 * A dashboard module mirrors one Better Auth plugin (or the core schema): it declares the logical
 * columns it reads, and what it adds to the UI and the queries. A module whose required columns are
 * missing from the live database is switched off and everything it adds disappears with it.
 */
export type ModelName = "user" | "session" | "account" | "verification";

export type FieldSpec = Partial<Record<ModelName, readonly string[]>>;

export interface ProfileField {
  /** logical field on the user model */
  field: string;
  label: string;
  kind: "text" | "boolean" | "date";
}

export interface DashboardModule {
  id: string;
  label: string;
  /** Columns that must all exist for the module to be on. */
  requires: FieldSpec;
  /** Columns read when present (the module stays on without them). */
  optional?: FieldSpec;
  /** Extra user fields shown on the profile. */
  profileFields?: readonly ProfileField[];
  /** User fields the search box also matches (case-insensitive substring). */
  searchFields?: readonly string[];
}
