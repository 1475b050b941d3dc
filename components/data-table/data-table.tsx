"use client";
import { tableClass } from "@/components/ui/table";
import { type ColumnDef, functionalUpdate, type OnChangeFn, type PaginationState, type RowData, type RowSelectionState, useTable } from "@tanstack/react-table";
import { type ReactNode, useMemo } from "react";
import { DataTableHead } from "./data-table-head";
import { DataTablePager } from "./data-table-pager";
import type { DataTableFeatures } from "./features";
import { dataTableFeatures } from "./features";
import { keyFromSorting, type SortableColumn, sortingFromKey } from "./sort-state";
import { useTableUrl } from "./use-table-url";

export interface DataTableProps<TData extends RowData> {
  /** stable (module scope): a new array each render would rebuild the column model */
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  /** one page of rows, already filtered, sorted and paged by the server */
  data: TData[];
  getRowId: (row: TData) => string;
  nextCursor: string | null;
  defaultSort: string;
  defaultPageSize: number;
  pageSizes: readonly number[];
  /** accessible name of the table, e.g. "Users" */
  label: string;
  empty: ReactNode;
  /** row selection owned by the caller (bulk actions); without it rows cannot be selected */
  selection?: { state: RowSelectionState; onChange: OnChangeFn<RowSelectionState> };
  /** the total, as the server words it ("5,003 users"), streamed: the pager says "1–25 of …" */
  total?: ReactNode;
}

/** One constant, not a fresh `{}` per render, so tables without a selection see stable state. */
const noSelection: RowSelectionState = {};

function sortableColumns<TData extends RowData>(columns: ColumnDef<DataTableFeatures, TData, any>[]): SortableColumn[] {
  return columns.flatMap((c) => {
    const id = c.id ?? ("accessorKey" in c ? String(c.accessorKey) : undefined);
    return id && c.meta?.sortKeys ? [{ id, sortKeys: c.meta.sortKeys }] : [];
  });
}

/**
 * The one table shell: server-side (manual) sorting and keyset paging, all state in the URL.
 * Sorting state is derived from `sort`; a header click turns TanStack's next sorting state back
 * into a `sort` key and starts on the first page (a cursor belongs to one sort order).
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { columns, data, getRowId, nextCursor, defaultSort, defaultPageSize, pageSizes, label, empty, selection, total } = props;
  const [url, setUrl] = useTableUrl(defaultSort, defaultPageSize);
  const sortable = useMemo(() => sortableColumns(columns), [columns]);
  const sorting = useMemo(() => sortingFromKey(url.sort, sortable), [url.sort, sortable]);
  // Keyset paging has no page numbers: index 1 only means "not the first page".
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: url.cursor ? 1 : 0, pageSize: url.limit }), [url.cursor, url.limit]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    autoResetAll: false,
    enableRowSelection: Boolean(selection),
    // The selection is ids of loaded rows only: shift-click ranges cannot reach other (server) pages.
    state: { sorting, pagination, rowSelection: selection?.state ?? noSelection },
    onRowSelectionChange: selection?.onChange,
    onSortingChange: (updater) => {
      const key = keyFromSorting(functionalUpdate(updater, sorting), sortable);
      if (key && key !== url.sort) void setUrl({ sort: key, cursor: null, back: null, page: null }, { history: "push" });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pagination.pageSize) void setUrl({ limit: next.pageSize, cursor: null, back: null, page: null });
    },
  });

  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  return (
    <div className="rounded-md border bg-card shadow-xs transition-opacity group-data-[pending]/region:cursor-progress group-data-[pending]/region:opacity-55 group-data-[pending]/region:delay-150 motion-reduce:transition-none">
      <div className="overflow-x-auto">
        <table className={tableClass} aria-label={label}>
          <DataTableHead table={table} />
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="table-empty !py-10 !text-center text-muted-foreground">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} data-selected={selection && row.getIsSelected() ? "" : undefined}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <DataTablePager
        rowCount={rows.length}
        pageState={url}
        nextCursor={nextCursor}
        pageSize={url.limit}
        pageSizes={pageSizes}
        total={total}
        onPageSize={(size) => table.setPageSize(size)}
        onPage={(state) => void setUrl(state, { history: "push", scroll: true })}
      />
    </div>
  );
}
