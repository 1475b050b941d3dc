"use client";
import { useMemo } from "react";
import { DataTable } from "../data-table/data-table";
import { RevokeNotesContext } from "../moderation/revoke-notes-context";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { sessionColumns } from "./session-columns";
import type { SessionListItem } from "./session-list-item";
import { PAGE_SIZES } from "@/lib/url-state";

const pageSizes = PAGE_SIZES;
const getRowId = (s: SessionListItem) => s.id;

interface Props {
  rows: SessionListItem[];
  nextCursor: string | null;
  filtered: boolean;
  /** the database records impersonation (admin plugin) */
  showImpersonation: boolean;
  /** set when the role may revoke sessions */
  revoke: RevokeNotes | null;
  /** the URL schema's default `limit`, from the server (the schema pulls ipaddr.js, kept off the client) */
  defaultPageSize: number;
}

/** Live sessions in the generic shell. The column set changes only with the impersonation flag (memoised). */
export function SessionsTable({ rows, nextCursor, filtered, showImpersonation, revoke, defaultPageSize }: Props) {
  const columns = useMemo(() => sessionColumns.filter((c) => c.id !== "impersonatedBy" || showImpersonation), [showImpersonation]);
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
