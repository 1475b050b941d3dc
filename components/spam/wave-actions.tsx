"use client";
import { buttonVariants } from "@/components/ui/button";
import { useState } from "react";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { ClearSpamDialog } from "./clear-spam-dialog";
import type { ChecklistMember } from "./member-checklist";
import { WaveBanDialog } from "./wave-ban-dialog";

interface Props {
  label: string;
  memberIds: string[];
  checklist: ChecklistMember[];
  /** null: this role may not ban, or the app has no ban columns (admin plugin) */
  ban: { notes: RevokeNotes } | null;
  /** "Not spam" for the whole wave: only when the audit table can remember it */
  canClear: boolean;
}

/** The wave page's two decisions, each through a confirmation that shows exactly whom it touches. */
export function WaveActions({ label, memberIds, checklist, ban, canClear }: Props) {
  const [open, setOpen] = useState<"ban" | "clear" | null>(null);
  const close = () => setOpen(null);
  return (
    <fieldset className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0" aria-label="Wave actions">
      {ban ? (
        <button type="button" className={buttonVariants({ variant: "destructive-outline", size: "xs" })} onClick={() => setOpen("ban")}>
          Ban this wave
        </button>
      ) : null}
      {canClear ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} onClick={() => setOpen("clear")}>
          Not spam
        </button>
      ) : null}
      {open === "ban" && ban ? <WaveBanDialog label={label} memberIds={memberIds} checklist={checklist} notes={ban.notes} onClose={close} /> : null}
      {open === "clear" ? <ClearSpamDialog userIds={memberIds} subject={`wave ${label}`} onClose={close} /> : null}
    </fieldset>
  );
}
