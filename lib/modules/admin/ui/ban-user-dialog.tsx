"use client";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useNotify } from "@/components/ui/notice";
import { BanFields, banInputOf, emptyBan } from "@/components/moderation/ban-fields";
import { plural } from "@/components/moderation/result-text";

const banResultText = (r: { sessionsRevoked: number }) => `Banned; ${plural(r.sessionsRevoked, "session")} revoked.`;
import type { RevokeNotes } from "@/components/moderation/revoke-notes";
import { RevokeNotice } from "@/components/moderation/revoke-notice";
import { banUserAction } from "../actions/ban-user.action";
import { unbanUserAction } from "../actions/unban-user.action";

interface Props {
  userId: string;
  email: string;
  activeSessions: number;
  notes: RevokeNotes;
  onClose: () => void;
}

/** Ban one user: reason and duration, and a plain statement that every session of theirs ends. */
export function BanUserDialog({ userId, email, activeSessions, notes, onClose }: Props) {
  const notify = useNotify();
  const [values, setValues] = useState(emptyBan);
  const input = banInputOf(values);
  return (
    <ConfirmDialog
      title={`Ban ${email}`}
      confirmLabel="Ban user"
      pendingLabel="Banning…"
      ready={input !== null}
      run={() => banUserAction({ userId, ...(input ?? { reason: "" }) })}
      onDone={(r) => {
        notify(banResultText(r));
        // A ban can be lifted, so it gets an Undo (the ended sessions stay ended, as with Unban).
        toast(`Banned ${email}`, {
          description: "Sessions it ended stay ended if you undo.",
          action: {
            label: "Undo",
            onClick: async () => {
              const undo = await unbanUserAction({ userId });
              if (undo.ok) notify("Unbanned: the user can sign in again.");
              else toast.error(`Undo failed: ${undo.error.message}`);
            },
          },
        });
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        The user cannot sign in until the ban ends, and <strong>all their sessions end now</strong>
        {activeSessions ? ` (${plural(activeSessions, "active session")})` : ""}.
      </p>
      <BanFields values={values} onChange={setValues} />
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}

/** Lifting a ban; the sessions it ended are not restored (Better Auth's unbanUser does the same). */
export function UnbanDialog({ userId, email, onClose }: { userId: string; email: string; onClose: () => void }) {
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
