import type { ReactNode } from "react";
import { cn } from "@/lib/ui/cn";
import { tableClass } from "./table";

/** One column of a SimpleTable: its header and what each row shows in it. */
export interface SimpleColumn<T> {
  header: string;
  /** the header is for screen readers only (a column of row buttons) */
  srOnlyHeader?: boolean;
  /** classes of this column's cells (whitespace-nowrap, text-right …) */
  className?: string;
  cell: (row: T) => ReactNode;
}

export interface SimpleTableProps<T> {
  rows: readonly T[];
  /** `false` leaves a column out (one the signed-in role has no use for) */
  columns: readonly (SimpleColumn<T> | false)[];
  rowKey: (row: T) => string;
  /** what a muted line says when there are no rows */
  empty: ReactNode;
  /** the table's accessible name, where a page holds several */
  label?: string;
  /** data-* attributes of a row, for tests and scripts that find a row by its entity */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** classes of the scrolling wrapper */
  className?: string;
}

/**
 * A small read-only table of a few rows (a user's sessions, sign-in methods, a module panel's rows …): shadcn's
 * table look (tableClass), a header row, one row per item, scrolling sideways on a narrow screen,
 * and a muted line instead when there is nothing to list. The paged, sortable lists use the
 * data-table shell instead. No hooks and no "use client": server pages render it with their cells.
 */
export function SimpleTable<T>({ rows, columns, rowKey, empty, label, rowData, className }: SimpleTableProps<T>) {
  if (rows.length === 0) return <p className="text-muted-foreground">{empty}</p>;
  const shown = columns.filter((c): c is SimpleColumn<T> => c !== false);
  return (
    <div className={cn("overflow-x-auto", className)}>
      <table className={tableClass} aria-label={label}>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.header} scope="col">
                {c.srOnlyHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowData?.(row)}>
              {shown.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
