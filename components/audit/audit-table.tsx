"use client";
import { DataTable } from "../data-table/data-table";
import { auditColumns } from "./audit-columns";
import type { AuditListItem } from "./audit-list-item";

const getRowId = (r: AuditListItem) => r.id;
const pageSizes = [25, 50, 100] as const;

/** The audit log in the generic shell (keyset pager, page size in the URL). */
export function AuditTable({ rows, nextCursor, filtered, defaultPageSize }: { rows: AuditListItem[]; nextCursor: string | null; filtered: boolean; defaultPageSize: number }) {
  return (
    <DataTable
      label="Audit log"
      columns={auditColumns}
      data={rows}
      getRowId={getRowId}
      nextCursor={nextCursor}
      // One order only (newest first); the shell's sort key is never written.
      defaultSort="-at"
      defaultPageSize={defaultPageSize}
      pageSizes={pageSizes}
      empty={filtered ? "No records match these filters." : "No staff action has been recorded yet."}
    />
  );
}
