import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "../data-table/features";
import { SpamScore } from "../spam/spam-score";
import type { UserListItem } from "./user-list-item";

const helper = createColumnHelper<DataTableFeatures, UserListItem>();

/**
 * The spam score of a users-table row, shown only when a result is at hand (the flagged view, or a
 * cached scoring for the plain list): the list never starts a scoring run of its own.
 */
export const scoreColumn = helper.accessor("spam", {
  id: "spam",
  header: "Spam score",
  meta: { className: "whitespace-nowrap" },
  cell: ({ row }) => {
    const s = row.original.spam;
    if (!s) return <span className="text-muted-foreground" title="Not scored: signed up outside the scored window">—</span>;
    // the reasons fold under "N reasons": the list stays one line per user
    return <SpamScore value={s} top={0} />;
  },
});
