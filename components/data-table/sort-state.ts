import type { SortingState } from "@tanstack/react-table";
import type { SortKeys } from "./features";

export interface SortableColumn {
  id: string;
  sortKeys: SortKeys;
}

/** The column sorted by a URL sort key, as TanStack sorting state (empty when no column matches). */
export function sortingFromKey(key: string, columns: readonly SortableColumn[]): SortingState {
  for (const c of columns) {
    if (c.sortKeys.asc === key) return [{ id: c.id, desc: false }];
    if (c.sortKeys.desc === key) return [{ id: c.id, desc: true }];
  }
  return [];
}

/**
 * The URL sort key for a sorting state. A direction the server does not offer for that column
 * (e.g. "least recently active") falls back to the one it does.
 */
export function keyFromSorting(sorting: SortingState, columns: readonly SortableColumn[]): string | null {
  const first = sorting[0];
  const col = first && columns.find((c) => c.id === first.id);
  if (!first || !col) return null;
  return (first.desc ? (col.sortKeys.desc ?? col.sortKeys.asc) : (col.sortKeys.asc ?? col.sortKeys.desc)) ?? null;
}
