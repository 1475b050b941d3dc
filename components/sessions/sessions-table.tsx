"use client";
import { useMemo } from "react";
import { DataTable } from "../data-table/data-table";
import { RevokeNotesContext } from "../moderation/revoke-notes-context";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { sessionActionsColumn, sessionColumns, sessionModuleColumn } from "./session-columns";
import type { SessionListItem } from "./session-list-item";
import { PAGE_SIZES } from "@/lib/url-state";

const pageSizes = PAGE_SIZES;
const getRowId = (s: SessionListItem) => s.id;

interface Props {
  rows: SessionListItem[];
  nextCursor: string | null;
  filtered: boolean;
  /** the modules' session columns shown (their values in each row's moduleValues) */
  moduleColumns: readonly { id: string; header: string }[];
  /** set when the role may revoke sessions */
  revoke: RevokeNotes | null;
  /** the URL schema's default `limit`, from the server (the schema pulls ipaddr.js, kept off the client) */
  defaultPageSize: number;
}

/** Live sessions in the generic shell. The column set changes only with the modules' columns (memoised). */
export function SessionsTable({ rows, nextCursor, filtered, moduleColumns, revoke, defaultPageSize }: Props) {
  const columns = useMemo(() => [...sessionColumns, ...moduleColumns.map(sessionModuleColumn), sessionActionsColumn], [moduleColumns]);
  return (
    <RevokeNotesContext value={revoke}>
      <DataTable
        label="Sessions"
        columns={columns}
        data={rows}
        getRowId={getRowId}
        nextCursor={nextCursor}
        // The list has one order (newest first); the shell's sort key is never written.
        defaultSort="-createdAt"
        defaultPageSize={defaultPageSize}
        pageSizes={pageSizes}
        empty={filtered ? "No live sessions match these filters." : "No live sessions."}
      />
    </RevokeNotesContext>
  );
}
