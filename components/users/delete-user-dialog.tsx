"use client";
import { inputClass } from "@/components/ui/input";
import { deleteUserAction } from "@/lib/modules/core/actions/delete-user.action";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { plural } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";

interface Props {
  userId: string;
  email: string;
  notes: RevokeNotes;
  onClose: () => void;
}

/** Deleting is final: the email must be typed, as the server also checks. Their sessions end too. */
export function DeleteUserDialog({ userId, email, notes, onClose }: Props) {
  const notify = useNotify();
  const router = useRouter();
  const id = useId();
  const [typed, setTyped] = useState("");
  return (
    <ConfirmDialog
      title={`Delete ${email}`}
      confirmLabel="Delete user"
      pendingLabel="Deleting…"
      ready={typed.trim().toLowerCase() === email.toLowerCase()}
      run={() => deleteUserAction({ userId, confirm: typed })}
      onDone={(r) => {
        notify(`Deleted ${email}; ${plural(r.sessionsRevoked, "session")} revoked.`, { path: "/users" });
        // This page no longer exists; the list is where the next step happens.
        router.replace("/users");
      }}
      onClose={onClose}
    >
      <p>
        The user, their sign-in methods and all their sessions are removed from the app’s database. <strong>This cannot be undone.</strong>
      </p>
      <RevokeNotice notes={notes} />
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <label htmlFor={id}>
          Type <strong>{email}</strong> to confirm
        </label>
        <input id={id} className={inputClass} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
