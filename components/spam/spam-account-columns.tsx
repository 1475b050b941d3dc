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
    meta: { className: "align-top" },
    cell: ({ row }) => {
      const a = row.original;
      return (
        <Link href={`/users/${encodeURIComponent(a.id)}`} className="group/user flex min-w-[220px] items-center gap-2.5 text-inherit hover:no-underline">
          <Avatar name={a.name} email={a.email} image={a.image} />
          <span className="flex min-w-0 flex-col">
            <span className="font-medium group-hover/user:text-primary group-hover/user:underline">{a.name || <span className="text-muted-foreground">(no name)</span>}</span>
            <span className="text-[12.5px] text-muted-foreground wrap-anywhere">{a.email}</span>
          </span>
        </Link>
      );
    },
  }),
  helper.accessor("score", {
    id: "score",
    header: "Score",
    meta: { className: "whitespace-nowrap align-top" },
    cell: ({ row }) => (
      <span className="flex min-w-[140px] flex-col text-[13px]">
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
    meta: { className: "align-top min-w-[320px] max-w-[560px] max-md:min-w-[240px]" },
    cell: ({ row }) => (
      <>
        <ReasonList reasons={row.original.reasons} />
        {row.original.reasonCount > row.original.reasons.length ? (
          <Link href={`/users/${encodeURIComponent(row.original.id)}`} className="mt-0.5 ml-[calc(3.2em+6px)] inline-block text-[12.5px]">
            all {row.original.reasonCount} reasons
          </Link>
        ) : null}
      </>
    ),
  }),
  helper.accessor("wave", {
    id: "wave",
    header: "Wave",
    meta: { className: "align-top" },
    cell: ({ row }) => {
      const w = row.original.wave;
      return w ? (
        <Link href={waveHref(w.key)} className="inline-block max-w-[28ch] truncate align-bottom" title={w.label}>
          {w.label}
        </Link>
      ) : (
        <span className="text-muted-foreground">—</span>
      );
    },
  }),
  helper.accessor("createdAt", {
    id: "createdAt",
    header: "Signed up",
    meta: { className: "whitespace-nowrap align-top" },
    cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" />,
  }),
]);

/** With the per-row "Not spam" action: only when the audit table can remember the decision. */
export const spamAccountColumnsWithClear = [
  ...spamAccountColumns,
  helper.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { className: "w-px text-right whitespace-nowrap align-top" },
    cell: ({ row }) => <NotSpamButton userId={row.original.id} email={row.original.email} />,
  }),
];
