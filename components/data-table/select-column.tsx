"use client";
import { type ColumnDef, createColumnHelper, type RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";

/**
 * A checkbox column for tables with a selection. The header box selects the loaded page (there is
 * no client-side "all": the rest lives on the server, where "select everything matching" goes).
 * Row boxes use TanStack's handler, so shift-click selects a range.
 */
export function selectColumn<TData extends RowData>(label: (row: TData) => string): ColumnDef<DataTableFeatures, TData, unknown> {
  const helper = createColumnHelper<DataTableFeatures, TData>();
  return helper.display({
    id: "select",
    meta: { className: "w-px !pr-0 [&_input]:m-0 [&_input]:size-4 [&_input]:cursor-pointer [&_input]:align-middle [&_input]:accent-primary" },
    header: ({ table }) => {
      const all = table.getIsAllPageRowsSelected();
      return (
        <input
          type="checkbox"
          aria-label="Select all rows on this page"
          checked={all}
          ref={(el) => {
            if (el) el.indeterminate = !all && table.getIsSomePageRowsSelected();
          }}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      );
    },
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${label(row.original)}`}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }) as ColumnDef<DataTableFeatures, TData, unknown>;
}
