"use client";
import { DataTable } from "../data-table/data-table";
import { spamAccountColumns, spamAccountColumnsWithClear } from "./spam-account-columns";
import type { SpamAccountItem } from "./spam-account-item";
import { PAGE_SIZES } from "@/lib/url-state";

export const QUEUE_PAGE_SIZES = PAGE_SIZES;
/** lib/spam/search-params.ts's default limit */
export const QUEUE_DEFAULT_LIMIT = 50;
const getRowId = (a: SpamAccountItem) => a.id;

interface Props {
  rows: SpamAccountItem[];
  nextCursor: string | null;
  /** "Not spam" buttons: only when the audit table exists (else the page explains why not) */
  canClear: boolean;
}

/** The review queue in the generic table shell: keyset "Next" paging and the page size in the URL. */
export function SpamAccountsTable({ rows, nextCursor, canClear }: Props) {
  return (
    <DataTable
      label="Flagged accounts"
      columns={canClear ? spamAccountColumnsWithClear : spamAccountColumns}
      data={rows}
      getRowId={getRowId}
      nextCursor={nextCursor}
      // Not a sort key anyone can pick: the queue is always ordered by score.
      defaultSort="-score"
      defaultPageSize={QUEUE_DEFAULT_LIMIT}
      pageSizes={QUEUE_PAGE_SIZES}
      empty="No account is waiting for review at this level."
    />
  );
}
