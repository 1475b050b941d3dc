"use client";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { BanUserDialog, UnbanDialog } from "@/lib/modules/admin/ui/ban-user-dialog";
import { ChangeRoleDialog } from "./change-role-dialog";
import { DeleteUserDialog } from "./delete-user-dialog";
import { SignOutDialog } from "./user-confirm-dialogs";

export type UserDialog = "ban" | "unban" | "signOut" | "role" | "delete";

interface Props {
  dialog: UserDialog;
  user: { id: string; email: string; role: string };
  notes: RevokeNotes;
  onClose: () => void;
}

/**
 * The users list's confirmation dialogs, in their own chunk: the row menu loads them on the first
 * action chosen, so the list's first load carries only the menus. The list does not count sessions,
 * so the ban and sign-out dialogs say "all their sessions" without a number.
 */
export default function UserActionDialog({ dialog, user, notes, onClose }: Props) {
  switch (dialog) {
    case "ban":
      return <BanUserDialog userId={user.id} email={user.email} activeSessions={0} notes={notes} onClose={onClose} />;
    case "unban":
      return <UnbanDialog userId={user.id} email={user.email} onClose={onClose} />;
    case "signOut":
      return <SignOutDialog userId={user.id} email={user.email} activeSessions={null} notes={notes} onClose={onClose} />;
    case "role":
      return <ChangeRoleDialog userId={user.id} email={user.email} role={user.role} onClose={onClose} />;
    case "delete":
      return <DeleteUserDialog userId={user.id} email={user.email} notes={notes} onClose={onClose} />;
  }
}
