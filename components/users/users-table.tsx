"use client";
import { pageSizes, userListSchema } from "@/lib/users/search-params";
import { DataTable } from "../data-table/data-table";
import { userColumns } from "./user-columns";
import type { UserListItem } from "./user-list-item";

const defaults = userListSchema.parse({});
const getRowId = (u: UserListItem) => u.id;

/** The users table: the generic shell with the user columns and the defaults of the URL schema. */
export function UsersTable({ rows, nextCursor, filtered }: { rows: UserListItem[]; nextCursor: string | null; filtered: boolean }) {
  return (
    <DataTable
      label="Users"
      columns={userColumns}
      data={rows}
      getRowId={getRowId}
      nextCursor={nextCursor}
      defaultSort={defaults.sort}
      defaultPageSize={defaults.limit}
      pageSizes={pageSizes}
      empty={filtered ? "No users match these filters." : "No users yet."}
    />
  );
}
