import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "../data-table/features";
import { Badge } from "../ui/badge";
import { Time } from "../ui/time";
import { AuditDetails } from "./audit-details";
import type { AuditListItem } from "./audit-list-item";

const helper = createColumnHelper<DataTableFeatures, AuditListItem>();

function Targets({ item }: { item: AuditListItem }) {
  const more = item.targetCount - item.targetIds.length;
  if (item.targetCount === 0) return <span className="text-muted-foreground">none</span>;
  return (
    <span className="[&_code]:mr-1">
      <span className="text-muted-foreground">
        {item.targetCount.toLocaleString("en")} {item.targetType}
        {item.targetCount === 1 ? "" : "s"}:
      </span>{" "}
      {item.targetIds.map((id) =>
        item.targetType === "user" ? (
          <Link key={id} href={`/users/${encodeURIComponent(id)}`} title={`id ${id}`}>
            {item.targetEmails[id] ?? <code className="inline-block max-w-[14ch] truncate align-bottom">{id}</code>}
          </Link>
        ) : item.targetHrefs[id] ? (
          <Link key={id} href={item.targetHrefs[id]} title={`id ${id}`}>
            <code className="inline-block max-w-[14ch] truncate align-bottom">{id}</code>
          </Link>
        ) : (
          <code key={id} className="inline-block max-w-[14ch] truncate align-bottom" title={id}>
            {id}
          </code>
        ),
      )}
      {more > 0 ? <span className="text-muted-foreground"> +{more.toLocaleString("en")} more</span> : null}
    </span>
  );
}

/** The audit log's columns, at module scope. Newest first is the only order (keyset on time). */
export const auditColumns = helper.columns([
  helper.accessor("at", { id: "at", header: "Time", meta: { className: "whitespace-nowrap align-top" }, cell: ({ row }) => <Time value={row.original.at} mode="absolute" /> }),
  helper.accessor("actorEmail", {
    id: "actor",
    header: "Staff member",
    meta: { className: "align-top" },
    cell: ({ row }) => (
      <span className="inline-flex flex-wrap gap-1 align-middle">
        <Link href={`/audit?actor=${encodeURIComponent(row.original.actorEmail)}`} title={`id ${row.original.actorId}: only this staff member’s actions`}>
          {row.original.actorEmail}
        </Link>
        <Badge>{row.original.actorRole}</Badge>
      </span>
    ),
  }),
  helper.accessor("action", { id: "action", header: "Action", meta: { className: "whitespace-nowrap align-top" }, cell: ({ row }) => <span title={row.original.action}>{row.original.summary}</span> }),
  helper.accessor("targetCount", { id: "targets", header: "Targets", meta: { className: "align-top" }, cell: ({ row }) => <Targets item={row.original} /> }),
  helper.accessor("reason", { id: "reason", header: "Reason", meta: { className: "align-top" }, cell: ({ row }) => row.original.reason ?? <span className="text-muted-foreground">—</span> }),
  helper.display({ id: "details", header: "Details", meta: { className: "align-top w-[45%]" }, cell: ({ row }) => <AuditDetails item={row.original} /> }),
]);
