"use client";
import { revokeUserSessionsAction } from "@/lib/modules/core/actions/revoke-user-sessions.action";
import { unbanUserAction } from "@/lib/modules/admin/actions/unban-user.action";
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

/** Lifting a ban; the sessions it ended are not restored (Better Auth's unbanUser does the same). */
export function UnbanDialog({ userId, email, onClose }: Target) {
  const notify = useNotify();
  return (
    <ConfirmDialog
      title={`Unban ${email}`}
      confirmLabel="Unban"
      pendingLabel="Unbanning…"
      tone="primary"
      run={() => unbanUserAction({ userId })}
      onDone={() => {
        notify("Unbanned: the user can sign in again.");
        onClose();
      }}
      onClose={onClose}
    >
      <p>The ban, its reason and its end date are cleared. Sessions ended by the ban stay ended.</p>
    </ConfirmDialog>
  );
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
        Every session of this user ends now{activeSessions === null ? "" : ` (${plural(activeSessions, "active session")})`}. They can sign in again unless they are banned.
      </p>
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}
