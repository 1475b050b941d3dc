"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "../data-table/features";
import { Time } from "../ui/time";
import { IpAddress } from "./ip-address";
import { deviceDetail, type SessionListItem } from "./session-list-item";
import { SessionRowActions } from "./session-row-actions";

const helper = createColumnHelper<DataTableFeatures, SessionListItem>();

/**
 * The sessions table's columns, at module scope. Nothing is sortable: the list is keyset-paged newest
 * first, the one order its index serves. The modules' columns (sessionModuleColumn) go before the
 * row menu, which offers Revoke only to roles that may.
 */
export const sessionColumns = helper.columns([
  helper.accessor("userEmail", {
    id: "user",
    header: "User",
    cell: ({ row }) => {
      const s = row.original;
      return (
        <Link href={`/users/${encodeURIComponent(s.userId)}`} className="flex flex-col min-w-[200px]">
          <span className="font-medium group-hover/user:text-primary group-hover/user:underline">{s.userName || s.userEmail}</span>
          {s.userName ? <span className="text-[12.5px] text-muted-foreground wrap-anywhere">{s.userEmail}</span> : null}
        </Link>
      );
    },
  }),
  helper.accessor("ipAddress", {
    id: "ip",
    header: "IP address",
    cell: ({ row }) => <IpAddress value={row.original.ipAddress} />,
  }),
  helper.accessor("device", {
    id: "device",
    header: "Device",
    cell: ({ row }) => {
      const d = row.original.device;
      const detail = deviceDetail(d);
      return (
        // Two lines, like the user cell: the device, then browser and OS, with the raw UA on hover.
        <span className="flex min-w-[140px] flex-col text-[13px]" title={d.raw || undefined}>
          <span>{d.device}</span>
          {detail ? <span className="text-muted-foreground">{detail}</span> : null}
        </span>
      );
    },
  }),
  helper.accessor("createdAt", { id: "createdAt", header: "Created", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" /> }),
  helper.accessor("updatedAt", { id: "updatedAt", header: "Last refreshed", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <Time value={row.original.updatedAt} /> }),
  helper.accessor("expiresAt", { id: "expiresAt", header: "Expires", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => <Time value={row.original.expiresAt} /> }),
]);

/** The row menu, after every other column. */
export const sessionActionsColumn = helper.display({ id: "actions", header: () => <span className="sr-only">Actions</span>, meta: { className: "w-px text-right" }, cell: ({ row }) => <SessionRowActions session={row.original} /> });

/** A module's session column (lib/modules `sessionRow.columns`): a user id, linked to that user. */
export const sessionModuleColumn = (c: { id: string; header: string }) =>
  helper.accessor((s) => s.moduleValues?.[c.id] ?? null, {
    id: c.id,
    header: c.header,
    cell: ({ getValue }) => {
      const by = getValue();
      return by ? <Link href={`/users/${encodeURIComponent(by)}`}>{by}</Link> : <span className="text-muted-foreground">—</span>;
    },
  });
