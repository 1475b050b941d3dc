import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "../data-table/features";
import { Avatar } from "../ui/avatar";
import { Badge } from "../ui/badge";
import { Time } from "../ui/time";
import { NotSpamButton } from "./not-spam-button";
import { ReasonList } from "./reason-list";
import { ScoreBadge } from "./score-badge";
import type { SpamAccountItem } from "./spam-account-item";
import { waveHref } from "./spam-format";

const helper = createColumnHelper<DataTableFeatures, SpamAccountItem>();

/**
 * The review queue's columns, at module scope (built once). None is sortable: the queue is always
 * highest score first, which is what its keyset cursor follows.
 */
export const spamAccountColumns = helper.columns([
  helper.accessor("email", {
    id: "user",
    header: "User",
    meta: { className: "top" },
    cell: ({ row }) => {
      const a = row.original;
      return (
        <Link href={`/users/${encodeURIComponent(a.id)}`} className="user-cell">
          <Avatar name={a.name} email={a.email} image={a.image} />
          <span className="user-cell-text">
            <span className="user-cell-name">{a.name || <span className="muted">(no name)</span>}</span>
            <span className="user-cell-email">{a.email}</span>
          </span>
        </Link>
      );
    },
  }),
  helper.accessor("score", {
    id: "score",
    header: "Score",
    meta: { className: "nowrap top" },
    cell: ({ row }) => (
      <span className="cell-stack">
        <ScoreBadge score={row.original.score} band={row.original.band} />
        {row.original.banned ? (
          <span>
            <Badge tone="danger" title="Banned after this result was computed">Banned since</Badge>
          </span>
        ) : null}
      </span>
    ),
  }),
  helper.accessor("reasons", {
    id: "reasons",
    header: "Why",
    meta: { className: "top reasons-cell" },
    cell: ({ row }) => (
      <>
        <ReasonList reasons={row.original.reasons} />
        {row.original.reasonCount > row.original.reasons.length ? (
          <Link href={`/users/${encodeURIComponent(row.original.id)}`} className="more-link">
            all {row.original.reasonCount} reasons
          </Link>
        ) : null}
      </>
    ),
  }),
  helper.accessor("wave", {
    id: "wave",
    header: "Wave",
    meta: { className: "top" },
    cell: ({ row }) => {
      const w = row.original.wave;
      return w ? (
        <Link href={waveHref(w.key)} className="truncate" title={w.label}>
          {w.label}
        </Link>
      ) : (
        <span className="muted">—</span>
      );
    },
  }),
  helper.accessor("createdAt", {
    id: "createdAt",
    header: "Signed up",
    meta: { className: "nowrap top" },
    cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" />,
  }),
]);

/** With the per-row "Not spam" action: only when the audit table can remember the decision. */
export const spamAccountColumnsWithClear = [
  ...spamAccountColumns,
  helper.display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    meta: { className: "row-actions top" },
    cell: ({ row }) => <NotSpamButton userId={row.original.id} email={row.original.email} />,
  }),
];
