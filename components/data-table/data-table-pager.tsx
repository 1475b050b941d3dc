"use client";
import { buttonVariants } from "@/components/ui/button";
import { type ReactNode, useId } from "react";
import { firstRowIndex, nextPage, type PageState, previousPage, rowRange } from "./page-stack";

interface PagerProps {
  rowCount: number;
  pageState: PageState;
  nextCursor: string | null;
  pageSize: number;
  pageSizes: readonly number[];
  /** the total as the server words it ("5,003 users"), when the table has one */
  total?: ReactNode;
  onPageSize: (size: number) => void;
  onPage: (state: PageState) => void;
}

/**
 * Keyset paging with a way back: "First page", "Previous" (the cursor stack in the URL, page-stack.ts)
 * and "Next", each a history entry. Where you are reads "26–50 of 5,003 users": the position comes
 * from the page number in the URL, the total from the table's (capped, streamed) count; no offset
 * query is ever run.
 */
export function DataTablePager({ rowCount, pageState, nextCursor, pageSize, pageSizes, total, onPageSize, onPage }: PagerProps) {
  const sizeId = useId();
  // A shared link may carry a size the menu does not list (any 1–100 is valid): show it anyway.
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);
  const isFirstPage = !pageState.cursor;
  const first = firstRowIndex(pageState, pageSize);
  const previous = previousPage(pageState);
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 border-t px-3 py-2 text-[13px]" aria-label="Pagination">
      <span className="text-muted-foreground tabular-nums" data-testid="page-position">
        {rowCount === 0 ? "No rows" : first === null ? `${rowCount} row${rowCount === 1 ? "" : "s"} (not the first page)` : rowRange(first, rowCount)}
        {rowCount > 0 && total ? <> of {total}</> : null}
      </span>
      <div className="flex flex-wrap items-center gap-2">
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
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={isFirstPage} onClick={() => onPage({ cursor: null, back: null, page: null })}>
          First page
        </button>
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={!previous} onClick={() => previous && onPage(previous)}>
          Previous
        </button>
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={!nextCursor} onClick={() => nextCursor && onPage(nextPage(pageState, nextCursor))}>
          Next
        </button>
      </div>
    </nav>
  );
}
