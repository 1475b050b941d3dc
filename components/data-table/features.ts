import { metaHelper, rowPaginationFeature, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** Which URL `sort` values a column stands for; a column without them is not sortable. */
export interface SortKeys {
  asc?: string;
  desc?: string;
}

export interface DataTableColumnMeta {
  sortKeys?: SortKeys;
  /** extra class on the column's <th> and <td>, e.g. "num" or "nowrap" */
  className?: string;
}

/**
 * Declared once at module scope, as TanStack Table v9 expects. Sorting and pagination are
 * registered for their state and header APIs only: the server sorts and pages (keyset), so no
 * client row models are added and every table sets manualSorting/manualPagination. Row selection is
 * on only for tables that pass a selection (bulk actions on the loaded page).
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;
