"use client";
import { type ColumnDef, createColumnHelper, type OnChangeFn, type RowSelectionState } from "@tanstack/react-table";
import { lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import type { ListColumn } from "@/lib/modules/types";
import { pageSizes, userListCoreSchema } from "@/lib/users/search-params";
import { DataTable } from "../data-table/data-table";
import type { DataTableFeatures } from "../data-table/features";
import { selectColumn } from "../data-table/select-column";
import type { RevokeNotes } from "../moderation/revoke-notes";
import type { BulkTarget } from "./bulk-bar";
import { scoreColumn } from "./score-column";
import { moduleColumn, userColumns } from "./user-columns";
import type { UserListItem } from "./user-list-item";
import { type RowActionOptions, UserRowActions, UserRowActionsContext } from "./user-row-actions";

const defaults = userListCoreSchema.parse({});
// The bulk bar and its dialogs load when the first row is ticked, not with the list.
const BulkBar = lazy(() => import("./bulk-bar").then((m) => ({ default: m.BulkBar })));
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
const helper = createColumnHelper<DataTableFeatures, UserListItem>();
// The row menu's column, last; its cell reads the role's permissions from UserRowActionsContext.
const actionsColumn = helper.display({
  id: "actions",
  header: () => <span className="sr-only">Actions</span>,
  meta: { className: "w-px text-right" },
  cell: ({ row }) => <UserRowActions user={row.original} />,
});
export type UserColumnSet = keyof typeof columnSets;

/** Present for roles that may run bulk actions (moderator and up). */
export interface BulkOptions {
  /** the modules that are on: the bulk bar offers their verbs */
  modules: readonly string[];
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
  /** the row menu, for roles that may act on users; null hides it */
  rowActions?: RowActionOptions | null;
  /** the modules' list columns that are on (values in each row's moduleValues) */
  moduleColumns?: readonly ListColumn[];
  /** the (streamed) total for the pager's "1–25 of …" */
  total?: ReactNode;
}

/** The users table: the generic shell with the user columns, plus a selection for bulk actions. */
export function UsersTable({ rows, nextCursor, filtered, bulk, columns = "list", rowActions = null, moduleColumns = [], total }: Props) {
  // Both derived during render rather than reset by a setState during render (react-hooks rule):
  // only the selected rows still shown count (one cannot act on unseen rows), and "everything
  // matching" holds only under the filter it was chosen for.
  const [picked, setPicked] = useState<RowSelectionState>({});
  const [matchAllFor, setMatchAllFor] = useState<string | null>(null);
  const filterKey = JSON.stringify(bulk?.filter ?? null);
  const selection = useMemo(() => {
    const shown = new Set(rows.map(getRowId));
    return Object.fromEntries(Object.keys(picked).filter((id) => shown.has(id)).map((id) => [id, true as const]));
  }, [rows, picked]);
  const matchAll = matchAllFor === filterKey;
  const onSelectionChange: OnChangeFn<RowSelectionState> = (u) => setPicked(typeof u === "function" ? u(selection) : u);
  const ids = Object.keys(selection);
  const target: BulkTarget | null = matchAll && bulk?.filter ? { filter: bulk.filter } : ids.length ? { ids } : null;
  const withMenu = rowActions !== null;
  const withBulk = bulk !== null;
  // The modules' columns go after the core's sign-in methods (lib/modules `ui.listColumns`).
  const columnKey = JSON.stringify(moduleColumns);
  const columnModel = useMemo(() => {
    const base = withBulk ? selectableSets[columns] : columnSets[columns];
    const extra = (JSON.parse(columnKey) as ListColumn[]).map(moduleColumn);
    const at = base.findIndex((c) => c.id === "providers") + 1 || base.length;
    const withModules = extra.length ? [...base.slice(0, at), ...extra, ...base.slice(at)] : base;
    return withMenu ? [...withModules, actionsColumn] : withModules;
  }, [withBulk, columns, withMenu, columnKey]);
  const clear = () => {
    setPicked({});
    setMatchAllFor(null);
  };

  return (
    <UserRowActionsContext value={rowActions}>
      {bulk && target ? (
        <Suspense fallback={null}>
          <BulkBar target={target} pageSelected={ids.length} canMatchAll={bulk.filter !== null} onMatchAll={() => setMatchAllFor(filterKey)} onClear={clear} modules={bulk.modules} notes={bulk.notes} />
        </Suspense>
      ) : null}
      <DataTable
        label="Users"
        columns={columnModel}
        data={rows}
        getRowId={getRowId}
        nextCursor={nextCursor}
        defaultSort={defaults.sort}
        defaultPageSize={defaults.limit}
        pageSizes={pageSizes}
        empty={columns === "flagged" ? "No account is flagged at this level." : filtered ? "No users match these filters." : "No users yet."}
        selection={bulk ? { state: selection, onChange: onSelectionChange } : undefined}
        total={total}
      />
    </UserRowActionsContext>
  );
}
