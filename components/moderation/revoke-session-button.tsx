"use client";
import { revokeSessionAction } from "@/lib/modules/core/actions/revoke-session.action";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import type { RevokeNotes } from "./revoke-notes";
import { RevokeNotice } from "./revoke-notice";

/** One session's "Revoke", for the user page and the sessions page; `label` names it in the dialog. */
export function RevokeSessionButton({ sessionId, userId, label, notes }: { sessionId: string; userId: string; label: string; notes: RevokeNotes }) {
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  return (
    <>
      <button type="button" className="btn btn-sm" aria-label={`Revoke session ${label}`} onClick={() => setOpen(true)}>
        Revoke
      </button>
      {open ? (
        <ConfirmDialog
          title="Revoke this session"
          confirmLabel="Revoke session"
          pendingLabel="Revoking…"
          run={() => revokeSessionAction({ sessionId, userId })}
          onDone={() => {
            notify(`Session ${label} revoked.`);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        >
          <p>
            The session <strong>{label}</strong> ends now; its device has to sign in again. The user’s other sessions are not affected.
          </p>
          <RevokeNotice notes={notes} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
