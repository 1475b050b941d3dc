"use client";
import { buttonVariants } from "@/components/ui/button";
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
    <nav className="flex flex-wrap items-center justify-between gap-3 border-t px-3 py-2 text-[13px]" aria-label="Pagination">
      <span className="text-muted-foreground">
        {rowCount === 0 ? "No rows" : `Showing ${rowCount} row${rowCount === 1 ? "" : "s"}`}
        {isFirstPage ? "" : " (not the first page)"}
      </span>
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId}>
          Rows per page
        </label>
        <select id={sizeId} className="min-w-0 rounded-md border border-input bg-card px-2.5 shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50 w-auto pr-7 h-7 text-[13px]" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
          {sizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={isFirstPage} onClick={() => onCursor(null)}>
          First page
        </button>
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={!nextCursor} onClick={() => onCursor(nextCursor)}>
          Next
        </button>
      </div>
    </nav>
  );
}
