"use client";
import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { useState } from "react";
import { pageSizes, userListSchema } from "@/lib/users/search-params";
import { DataTable } from "../data-table/data-table";
import type { DataTableFeatures } from "../data-table/features";
import { selectColumn } from "../data-table/select-column";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { BulkBar, type BulkTarget } from "./bulk-bar";
import { scoreColumn } from "./score-column";
import { userColumns } from "./user-columns";
import type { UserListItem } from "./user-list-item";

const defaults = userListSchema.parse({});
const getRowId = (u: UserListItem) => u.id;
const withScore = [...userColumns.slice(0, 1), scoreColumn, ...userColumns.slice(1)];
// The flagged view is ordered by score (its cursor follows that order): no header may offer a sort.
const unsortable = withScore.map((c) => ({ ...c, meta: { className: c.meta?.className } }));
// Module scope, like userColumns: each column model is built once.
const columnSets = {
  list: userColumns,
  score: withScore,
  flagged: unsortable,
};
const selectable = (columns: ColumnDef<DataTableFeatures, UserListItem, any>[]) => [selectColumn<UserListItem>((u) => u.email), ...columns];
const selectableSets = { list: selectable(userColumns), score: selectable(withScore), flagged: selectable(unsortable) };
export type UserColumnSet = keyof typeof columnSets;

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
  /** "score" adds the spam score column; "flagged" is the spam queue in the users table's columns */
  columns?: UserColumnSet;
}

/** The users table: the generic shell with the user columns, plus a selection for bulk actions. */
export function UsersTable({ rows, nextCursor, filtered, bulk, columns = "list" }: Props) {
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
        columns={bulk ? selectableSets[columns] : columnSets[columns]}
        data={rows}
        getRowId={getRowId}
        nextCursor={nextCursor}
        defaultSort={defaults.sort}
        defaultPageSize={defaults.limit}
        pageSizes={pageSizes}
        empty={columns === "flagged" ? "No account is flagged at this level." : filtered ? "No users match these filters." : "No users yet."}
        selection={bulk ? { state: selection, onChange: setSelection } : undefined}
      />
    </>
  );
}
