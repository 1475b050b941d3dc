import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ListColumn } from "@/lib/modules/types";
import type { DataTableFeatures } from "../data-table/features";
import { Avatar } from "../ui/avatar";
import { Time } from "../ui/time";
import { LastActive } from "./last-active";
import { ProviderBadges, RoleBadges, UserStatusBadges } from "./user-badges";
import type { UserListItem } from "./user-list-item";

const helper = createColumnHelper<DataTableFeatures, UserListItem>();

/**
 * The users table's columns, at module scope so the column model is built once. `sortKeys` are the
 * URL sort values (lib/users/search-params.ts) a header click switches between; dates sort newest
 * first on the first click.
 */
export const userColumns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "User",
    meta: { sortKeys: { asc: "name", desc: "-name" } },
    cell: ({ row }) => {
      const u = row.original;
      return (
        <Link href={`/users/${encodeURIComponent(u.id)}`} className="group/user flex min-w-[220px] items-center gap-2.5 text-inherit hover:no-underline">
          <Avatar name={u.name} email={u.email} image={u.image} />
          <span className="flex min-w-0 flex-col">
            <span className="font-medium group-hover/user:text-primary group-hover/user:underline">{u.name || <span className="text-muted-foreground">(no name)</span>}</span>
            <span className="text-[12.5px] text-muted-foreground wrap-anywhere">{u.email}</span>
          </span>
        </Link>
      );
    },
  }),
  helper.accessor("badges", {
    id: "status",
    header: "Status",
    cell: ({ row }) => <UserStatusBadges user={row.original} />,
  }),
  helper.accessor("roles", {
    id: "role",
    header: "Role",
    cell: ({ row }) => <RoleBadges roles={row.original.roles} />,
  }),
  helper.accessor("providers", {
    id: "providers",
    header: "Sign-in methods",
    cell: ({ row }) => <ProviderBadges providers={row.original.providers} />,
  }),
  helper.accessor("createdAt", {
    id: "createdAt",
    header: "Created",
    sortDescFirst: true,
    meta: { sortKeys: { desc: "-createdAt", asc: "createdAt" }, className: "whitespace-nowrap" },
    cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" />,
  }),
  helper.accessor("lastActiveAt", {
    id: "lastActiveAt",
    header: "Last active",
    sortDescFirst: true,
    // The server only offers "most recently active first" (users with no session sort last).
    meta: { sortKeys: { desc: "-lastActiveAt" }, className: "whitespace-nowrap" },
    cell: ({ row }) => <LastActive item={row.original} />,
  }),
]);

/** A module's users-list column (lib/modules `ui.listColumns`): its value from the row, not sortable. */
export const moduleColumn = (c: ListColumn) =>
  helper.accessor((u) => u.moduleValues?.[c.id] ?? null, {
    id: `module-${c.id}`,
    header: c.header,
    cell: ({ getValue }) => {
      const v = getValue();
      return v === null ? <span className="text-muted-foreground">—</span> : typeof v === "boolean" ? (v ? "Yes" : "No") : v;
    },
  });
