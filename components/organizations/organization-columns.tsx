import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "../data-table/features";
import { Time } from "../ui/time";
import type { OrganizationListItem } from "./organization-list-item";

const helper = createColumnHelper<DataTableFeatures, OrganizationListItem>();

/** The organizations list's columns, at module scope. Newest first is the only order (keyset on createdAt). */
export const organizationColumns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Organization",
    cell: ({ row }) => <Link href={`/organizations/${encodeURIComponent(row.original.id)}`}>{row.original.name}</Link>,
  }),
  helper.accessor("slug", { id: "slug", header: "Slug", cell: ({ row }) => <code>{row.original.slug}</code> }),
  helper.accessor("memberCount", { id: "members", header: "Members", meta: { className: "text-right tabular-nums" }, cell: ({ row }) => row.original.memberCount.toLocaleString("en") }),
  helper.accessor("createdAt", { id: "createdAt", header: "Created", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" /> }),
]);
