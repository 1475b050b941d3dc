"use client";
import { DataTable } from "../data-table/data-table";
import { auditColumns } from "./audit-columns";
import type { AuditListItem } from "./audit-list-item";
import { PAGE_SIZES } from "@/lib/url-state";

const getRowId = (r: AuditListItem) => r.id;
const pageSizes = PAGE_SIZES;

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
