"use client";
import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { PAGE_SIZES } from "@/lib/url-state";
import { DataTable } from "../data-table/data-table";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { plural } from "../moderation/result-text";
import { Button } from "../ui/button";
import { BulkDialog } from "../users/bulk-dialog";
import { spamColumnSet } from "./spam-account-columns";
import type { SpamAccountItem } from "./spam-account-item";

export const QUEUE_PAGE_SIZES = PAGE_SIZES;
/** lib/spam/search-params.ts's default limit */
export const QUEUE_DEFAULT_LIMIT = 50;
const getRowId = (a: SpamAccountItem) => a.id;

interface Props {
  rows: SpamAccountItem[];
  nextCursor: string | null;
  /** "Not spam" buttons: only when the audit table exists (else the page explains why not) */
  canClear: boolean;
  /**
   * what ticked rows are for: a module's queue action (its bulk verb and button label) this role
   * may take; null: no checkboxes
   */
  selectionAction: { verb: string; label: string; notes: RevokeNotes } | null;
}

/**
 * The review queue in the generic table shell: keyset "Next" paging and the page size in the URL.
 * Ticked rows go through the users list's previewed bulk action with the module's verb (preview →
 * confirm, the same action and audit); once it commits the cached result is patched and the rows
 * leave the queue.
 */
export function SpamAccountsTable({ rows, nextCursor, canClear, selectionAction: act }: Props) {
  const [picked, setPicked] = useState<RowSelectionState>({});
  const [acting, setActing] = useState<string[] | null>(null);
  // Only rows still shown count: a decided row leaves the queue, and with it the selection.
  const selection = useMemo(() => {
    const shown = new Set(rows.map(getRowId));
    return Object.fromEntries(Object.keys(picked).filter((id) => shown.has(id)).map((id) => [id, true as const]));
  }, [rows, picked]);
  const onSelectionChange: OnChangeFn<RowSelectionState> = (u) => setPicked(typeof u === "function" ? u(selection) : u);
  const ids = Object.keys(selection);
  return (
    <>
      {act && ids.length ? (
        <section aria-label="Selected accounts" className="flex flex-wrap items-center gap-3 rounded-md border bg-muted/50 px-3 py-2 text-sm">
          <strong>{plural(ids.length, "account")} selected</strong>
          <Button size="sm" variant="destructive" onClick={() => setActing(ids)}>
            {act.label}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setPicked({})}>
            Clear selection
          </Button>
        </section>
      ) : null}
      <DataTable
        label="Flagged accounts"
        columns={spamColumnSet(Boolean(act), canClear)}
        data={rows}
        getRowId={getRowId}
        nextCursor={nextCursor}
        // Not a sort key anyone can pick: the queue is always ordered by score.
        defaultSort="-score"
        defaultPageSize={QUEUE_DEFAULT_LIMIT}
        pageSizes={QUEUE_PAGE_SIZES}
        empty="No account is waiting for review at this level."
        selection={act ? { state: selection, onChange: onSelectionChange } : undefined}
      />
      {act && acting ? (
        <BulkDialog action={act.verb} target={{ ids: acting }} notes={act.notes} onDone={() => setPicked({})} onClose={() => setActing(null)} />
      ) : null}
    </>
  );
}
