"use client";
import { revokeSessionAction } from "@/lib/modules/core/actions/revoke-session.action";
import { useState } from "react";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import type { RevokeNotes } from "./revoke-notes";
import { RevokeNotice } from "./revoke-notice";

interface Target {
  sessionId: string;
  userId: string;
  /** names the session in the dialog and the notice */
  label: string;
  notes: RevokeNotes;
}

/** The confirmation for ending one session (the user page's button, the sessions list's row menu). */
export function RevokeSessionDialog({ sessionId, userId, label, notes, onClose }: Target & { onClose: () => void }) {
  const notify = useNotify();
  return (
    <ConfirmDialog
      title="Revoke this session"
      confirmLabel="Revoke session"
      pendingLabel="Revoking…"
      run={() => revokeSessionAction({ sessionId, userId })}
      onDone={() => {
        notify(`Session ${label} revoked.`);
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        The session <strong>{label}</strong> ends now; its device has to sign in again. The user’s other sessions are not affected.
      </p>
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}

/** One session's "Revoke" button. */
export function RevokeSessionButton(props: Target) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant="outline" size="sm" aria-label={`Revoke session ${props.label}`} onClick={() => setOpen(true)}>
        Revoke
      </Button>
      {open ? <RevokeSessionDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
