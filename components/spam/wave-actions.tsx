"use client";
import { buttonVariants } from "@/components/ui/button";
import { type ReactNode, useState } from "react";
import { ClearSpamDialog } from "./clear-spam-dialog";

interface Props {
  label: string;
  memberIds: string[];
  /**
   * The modules' decisions on the wave (an "out of review" state's `waveAction`, e.g. a ban), rendered
   * on the server for this role; each brings its own confirmation.
   */
  moduleActions?: ReactNode;
  /** "Not spam" for the whole wave: only when the audit table can remember it */
  canClear: boolean;
}

/** The wave page's decisions, each through a confirmation that shows exactly whom it touches. */
export function WaveActions({ label, memberIds, moduleActions, canClear }: Props) {
  const [clearing, setClearing] = useState(false);
  return (
    <fieldset className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0" aria-label="Wave actions">
      {moduleActions}
      {canClear ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} onClick={() => setClearing(true)}>
          Not spam
        </button>
      ) : null}
      {clearing ? <ClearSpamDialog userIds={memberIds} subject={`wave ${label}`} onClose={() => setClearing(false)} /> : null}
    </fieldset>
  );
}
