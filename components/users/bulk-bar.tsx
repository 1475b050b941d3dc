"use client";
import { buttonVariants } from "@/components/ui/button";
import { useState } from "react";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { bulkActionViews } from "../moderation/bulk-action-views";
import { plural } from "../moderation/result-text";
import { BulkDialog } from "./bulk-dialog";

/** Who a bulk action targets: the ticked rows, or everyone the current URL filters match. */
export type BulkTarget = { ids: string[] } | { filter: Record<string, string> };

interface Props {
  target: BulkTarget;
  pageSelected: number;
  /** a filter is set: "everything matching" would be the whole user base otherwise, so it is not offered */
  canMatchAll: boolean;
  onMatchAll: () => void;
  onClear: () => void;
  /** the modules that are on (caps.modules): their bulk verbs are offered */
  modules: readonly string[];
  notes: RevokeNotes;
}

/** Shown while rows are selected: what is selected, the actions, and the way to widen to the filter. */
export function BulkBar({ target, pageSelected, canMatchAll, onMatchAll, onClear, modules, notes }: Props) {
  // The target is frozen when the dialog opens: its preview must describe exactly what is confirmed.
  const [open, setOpen] = useState<{ action: string; target: BulkTarget } | null>(null);
  const start = (action: string) => setOpen({ action, target });
  const byFilter = "filter" in target;
  return (
    <section className="sticky top-14 z-[3] mb-3 flex flex-wrap items-center justify-between gap-3 rounded-md border border-primary/30 bg-accent px-3 py-2" aria-label="Bulk actions">
      <p>
        {byFilter ? <strong>Every user matching the current filters is selected.</strong> : <strong>{plural(pageSelected, "user")} selected on this page.</strong>}{" "}
        {!byFilter && canMatchAll ? (
          <button type="button" className="cursor-pointer border-0 bg-transparent p-0 text-primary underline" onClick={onMatchAll}>
            Select everything matching this filter
          </button>
        ) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        {bulkActionViews(modules).map((a) => (
          <button key={a.action} type="button" className={buttonVariants({ variant: a.button, size: "xs" })} onClick={() => start(a.action)}>
            {a.label}
          </button>
        ))}
        <button type="button" className={buttonVariants({ variant: "ghost", size: "xs" })} onClick={onClear}>Clear selection</button>
      </div>
      {open ? <BulkDialog action={open.action} target={open.target} notes={notes} onDone={onClear} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
