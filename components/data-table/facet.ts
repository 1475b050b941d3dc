/**
 * A faceted filter's definition, plain data so a filter can come from anywhere (a table's own list,
 * a plugin module's contribution): the URL key it writes, its title, and the values it offers.
 * `value` is what goes into the URL (the schema validates it); `label` is what people read and may
 * type ("GitHub" for `github`).
 */
export interface FacetOption {
  value: string;
  label: string;
}

export interface FacetDefinition<K extends string = string> {
  key: K;
  title: string;
  options: readonly FacetOption[];
  /** apps define their own values (roles, providers): typed text that names no option is accepted as is */
  allowCustom?: boolean;
}

/** Typed text → the URL value: an option's label or value (any case), else the text itself when allowed. */
export function facetValueOf(def: Pick<FacetDefinition, "options" | "allowCustom">, typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  const lower = text.toLowerCase();
  const option = def.options.find((o) => o.label.toLowerCase() === lower || o.value.toLowerCase() === lower);
  if (option) return option.value;
  return def.allowCustom ? text : null;
}

/** The URL value → what the trigger shows: the option's label, or the raw value for a custom one. */
export const facetLabelOf = (options: readonly FacetOption[], value: string) => options.find((o) => o.value === value)?.label ?? value;
