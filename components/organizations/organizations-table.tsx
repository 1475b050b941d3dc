"use client";
import { PAGE_SIZES } from "@/lib/url-state";
import { DataTable } from "../data-table/data-table";
import { organizationColumns } from "./organization-columns";
import type { OrganizationListItem } from "./organization-list-item";

const getRowId = (r: OrganizationListItem) => r.id;

/** The organizations list in the generic shell (keyset pager, page size in the URL). */
export function OrganizationsTable({ rows, nextCursor, searched, defaultPageSize }: { rows: OrganizationListItem[]; nextCursor: string | null; searched: boolean; defaultPageSize: number }) {
  return (
    <DataTable
      label="Organizations"
      columns={organizationColumns}
      data={rows}
      getRowId={getRowId}
      nextCursor={nextCursor}
      // One order only (newest first); the shell's sort key is never written.
      defaultSort="-createdAt"
      defaultPageSize={defaultPageSize}
      pageSizes={PAGE_SIZES}
      empty={searched ? "No organization matches this search." : "No organization yet."}
    />
  );
}
