"use client";
import { useId } from "react";

interface PagerProps {
  rowCount: number;
  isFirstPage: boolean;
  nextCursor: string | null;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
  onCursor: (cursor: string | null) => void;
}

/**
 * Keyset paging: "First page" and "Next" (each a history entry, so the browser's Back button is
 * "previous"). There is deliberately no "page N of M": counting would cost what keyset saves.
 */
export function DataTablePager({ rowCount, isFirstPage, nextCursor, pageSize, pageSizes, onPageSize, onCursor }: PagerProps) {
  const sizeId = useId();
  // A shared link may carry a size the menu does not list (any 1–100 is valid): show it anyway.
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);
  return (
    <nav className="pager" aria-label="Pagination">
      <span className="muted">
        {rowCount === 0 ? "No rows" : `Showing ${rowCount} row${rowCount === 1 ? "" : "s"}`}
        {isFirstPage ? "" : " (not the first page)"}
      </span>
      <div className="pager-controls">
        <label className="inline-field" htmlFor={sizeId}>
          Rows per page
        </label>
        <select id={sizeId} className="select select-sm" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-sm" disabled={isFirstPage} onClick={() => onCursor(null)}>
          First page
        </button>
        <button type="button" className="btn btn-sm" disabled={!nextCursor} onClick={() => onCursor(nextCursor)}>
          Next
        </button>
      </div>
    </nav>
  );
}
