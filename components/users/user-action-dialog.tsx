"use client";
import { lazy, useMemo } from "react";
import { clientModules } from "@/lib/modules/client-registry";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { ChangeRoleDialog } from "./change-role-dialog";
import { DeleteUserDialog } from "./delete-user-dialog";
import { SignOutDialog } from "./user-confirm-dialogs";

/** The core's dialogs by name, or a module's (its row-menu item: module and dialog). */
export type UserDialog = "signOut" | "role" | "delete" | { module: string; dialog: string };

interface Props {
  dialog: UserDialog;
  user: { id: string; email: string; role: string };
  notes: RevokeNotes;
  onClose: () => void;
}

/**
 * The users list's confirmation dialogs, in their own chunk: the row menu loads them on the first
 * action chosen, so the list's first load carries only the menus. The list does not count sessions,
 * so the sign-out dialog says "all their sessions" without a number. A module's dialogs are its own
 * chunk, named by its client entry (lib/modules/<id>/client.ts `rowDialogs`).
 */
export default function UserActionDialog({ dialog, user, notes, onClose }: Props) {
  const module = typeof dialog === "object" ? dialog.module : null;
  const ModuleDialog = useMemo(() => {
    const load = module ? clientModules.find((m) => m.id === module)?.rowDialogs : undefined;
    return load ? lazy(load) : null;
  }, [module]);
  if (typeof dialog === "object") return ModuleDialog ? <ModuleDialog dialog={dialog.dialog} user={user} notes={notes} onClose={onClose} /> : null;
  switch (dialog) {
    case "signOut":
      return <SignOutDialog userId={user.id} email={user.email} activeSessions={null} notes={notes} onClose={onClose} />;
    case "role":
      return <ChangeRoleDialog userId={user.id} email={user.email} role={user.role} onClose={onClose} />;
    case "delete":
      return <DeleteUserDialog userId={user.id} email={user.email} notes={notes} onClose={onClose} />;
  }
}
