"use client";
import type { RowSelectionState } from "@tanstack/react-table";
import { useState } from "react";
import { pageSizes, userListSchema } from "@/lib/users/search-params";
import { DataTable } from "../data-table/data-table";
import { selectColumn } from "../data-table/select-column";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { BulkBar, type BulkTarget } from "./bulk-bar";
import { userColumns } from "./user-columns";
import type { UserListItem } from "./user-list-item";

const defaults = userListSchema.parse({});
const getRowId = (u: UserListItem) => u.id;
// Module scope, like userColumns: the column model is built once.
const selectableColumns = [selectColumn<UserListItem>((u) => u.email), ...userColumns];

/** Present for roles that may run bulk actions (moderator and up). */
export interface BulkOptions {
  bansTracked: boolean;
  /** the URL's filters, as strings, for "select everything matching"; null when none is set */
  filter: Record<string, string> | null;
  notes: RevokeNotes;
}

interface Props {
  rows: UserListItem[];
  nextCursor: string | null;
  filtered: boolean;
  bulk: BulkOptions | null;
}

/** The users table: the generic shell with the user columns, plus a selection for bulk actions. */
export function UsersTable({ rows, nextCursor, filtered, bulk }: Props) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [matchAll, setMatchAll] = useState(false);
  const [seen, setSeen] = useState({ rows, filter: bulk?.filter });
  if (rows !== seen.rows) {
    // A new page or view: keep only the selected rows still shown (one cannot act on unseen rows);
    // a new filter also ends "everything matching", which meant the old filter.
    const shown = new Set(rows.map(getRowId));
    setSeen({ rows, filter: bulk?.filter });
    setSelection((s) => Object.fromEntries(Object.keys(s).filter((id) => shown.has(id)).map((id) => [id, true as const])));
    if (JSON.stringify(bulk?.filter) !== JSON.stringify(seen.filter)) setMatchAll(false);
  }
  const ids = Object.keys(selection);
  const target: BulkTarget | null = matchAll && bulk?.filter ? { filter: bulk.filter } : ids.length ? { ids } : null;
  const clear = () => {
    setSelection({});
    setMatchAll(false);
  };

  return (
    <>
      {bulk && target ? (
        <BulkBar target={target} pageSelected={ids.length} canMatchAll={bulk.filter !== null} onMatchAll={() => setMatchAll(true)} onClear={clear} bansTracked={bulk.bansTracked} notes={bulk.notes} />
      ) : null}
      <DataTable
        label="Users"
        columns={bulk ? selectableColumns : userColumns}
        data={rows}
        getRowId={getRowId}
        nextCursor={nextCursor}
        defaultSort={defaults.sort}
        defaultPageSize={defaults.limit}
        pageSizes={pageSizes}
        empty={filtered ? "No users match these filters." : "No users yet."}
        selection={bulk ? { state: selection, onChange: setSelection } : undefined}
      />
    </>
  );
}
