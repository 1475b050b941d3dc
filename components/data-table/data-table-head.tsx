"use client";
import type { ReactTable, RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";

const ariaSort = { asc: "ascending", desc: "descending" } as const;

/**
 * Column headers. A sortable header is a real <button> (keyboard and screen readers) inside a <th>
 * carrying aria-sort; the arrow is decorative.
 */
export function DataTableHead<TData extends RowData>({ table }: { table: ReactTable<DataTableFeatures, TData, any> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const meta = header.column.columnDef.meta;
            const sorted = header.column.getIsSorted();
            const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
            return (
              <th key={header.id} scope="col" className={meta?.className} aria-sort={sorted ? ariaSort[sorted] : undefined}>
                {meta?.sortKeys && !header.isPlaceholder ? (
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    {content}
                    <span className="sort-indicator" aria-hidden="true">
                      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                    </span>
                  </button>
                ) : (
                  content
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
