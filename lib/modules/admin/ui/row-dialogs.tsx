"use client";
import type { ModuleRowDialogProps } from "../../client-types";
import { BanUserDialog, UnbanDialog } from "./ban-user-dialog";

/**
 * The users list's Ban… / Unban… (the module's `userRow.menu`), in the row menu's dialog chunk (its
 * client entry, client.ts, names it). The list does not count sessions, so the ban dialog says "all
 * their sessions" without a number.
 */
export default function AdminRowDialog({ dialog, user, notes, onClose }: ModuleRowDialogProps) {
  if (dialog === "ban") return <BanUserDialog userId={user.id} email={user.email} activeSessions={0} notes={notes} onClose={onClose} />;
  if (dialog === "unban") return <UnbanDialog userId={user.id} email={user.email} onClose={onClose} />;
  return null;
}
