"use client";
import { revokeUserSessionsAction } from "@/lib/modules/core/actions/revoke-user-sessions.action";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { plural, revokeResultText } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";

interface Target {
  userId: string;
  email: string;
  onClose: () => void;
}

/** "Sign out everywhere": every session of the user, in the database and the app's session store. */
export function SignOutDialog({ userId, email, activeSessions, notes, onClose }: Target & { activeSessions: number | null; notes: RevokeNotes }) {
  const notify = useNotify();
  return (
    <ConfirmDialog
      title={`Sign ${email} out everywhere`}
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      run={() => revokeUserSessionsAction({ userId })}
      onDone={(r) => {
        notify(revokeResultText(r));
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        {/* The users list does not count sessions (null): the sentence then does without the number. */}
        Every session of this user ends now{activeSessions === null ? "" : ` (${plural(activeSessions, "active session")})`}. They can sign in again unless a ban is in force.
      </p>
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}
