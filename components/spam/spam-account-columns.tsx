import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "../data-table/features";
import { selectColumn } from "../data-table/select-column";
import { Avatar } from "../ui/avatar";
import { Time } from "../ui/time";
import { NotSpamButton } from "./not-spam-button";
import { QUEUE_REASONS, type SpamAccountItem } from "./spam-account-item";
import { SpamScore } from "./spam-score";

const helper = createColumnHelper<DataTableFeatures, SpamAccountItem>();

/**
 * The review queue's columns, at module scope (built once). None is sortable: the queue is always
 * highest score first, which is what its keyset cursor follows. A row shows its top reasons and
 * folds the rest, so a screen holds many accounts.
 */
const base = helper.columns([
  helper.accessor("email", {
    id: "user",
    header: "User",
    meta: { className: "align-top" },
    cell: ({ row }) => {
      const a = row.original;
      return (
        <Link href={`/users/${encodeURIComponent(a.id)}`} className="flex min-w-[220px] items-center gap-2.5">
          <Avatar name={a.name} email={a.email} image={a.image} />
          <span className="flex min-w-0 flex-col">
            <span className="truncate font-medium">{a.name || <span className="text-muted-foreground">(no name)</span>}</span>
            <span className="truncate text-xs text-muted-foreground">{a.email}</span>
          </span>
        </Link>
      );
    },
  }),
  helper.accessor((a) => a.spam.score, {
    id: "score",
    header: "Score and why",
    meta: { className: "align-top min-w-[320px] max-w-[560px] max-md:min-w-[240px]" },
    cell: ({ row }) => <SpamScore value={row.original.spam} top={QUEUE_REASONS} />,
  }),
  helper.accessor("wave", {
    id: "wave",
    header: "Wave",
    meta: { className: "align-top" },
    cell: ({ row }) => {
      const w = row.original.wave;
      return w ? (
        <Link href={w.href} className="block max-w-48 truncate underline-offset-4 hover:underline" title={w.label}>
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
    meta: { className: "align-top whitespace-nowrap" },
    cell: ({ row }) => <Time value={row.original.createdAt} mode="absolute" />,
  }),
]);

const clearColumn = helper.display({
  id: "actions",
  header: () => <span className="sr-only">Actions</span>,
  meta: { className: "align-top text-right" },
  cell: ({ row }) => <NotSpamButton userId={row.original.id} email={row.original.email} />,
});
const select = selectColumn<SpamAccountItem>((a) => a.email);

/**
 * By what the viewer may do: a checkbox column to act on ticked rows (a module's queue action this
 * role may take), the per-row "Not spam" (the audit table can remember it). Four combinations, each built once.
 */
export const spamAccountColumnSets = {
  plain: base,
  clear: [...base, clearColumn],
  select: [select, ...base],
  both: [select, ...base, clearColumn],
};
export const spamColumnSet = (canSelect: boolean, canClear: boolean) => spamAccountColumnSets[canSelect ? (canClear ? "both" : "select") : canClear ? "clear" : "plain"];
