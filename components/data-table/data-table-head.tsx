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
                  <button type="button" className="-mx-1 -my-0.5 inline-flex cursor-pointer items-center gap-1 rounded-sm px-1 py-0.5 hover:bg-secondary hover:text-foreground [[aria-sort]_&]:text-foreground" onClick={header.column.getToggleSortingHandler()}>
                    {content}
                    <span className="text-[10px] opacity-45 [[aria-sort]_&]:text-primary [[aria-sort]_&]:opacity-100" aria-hidden="true">
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
