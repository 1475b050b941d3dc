import type { ComponentType } from "react";
import type { RevokeNotes } from "../moderation/revoke-notes";

/** What a module's row-menu dialog is given (lib/modules types.ts RowMenuEntry names it by `dialog`). */
export interface ModuleRowDialogProps {
  dialog: string;
  user: { id: string; email: string; role: string };
  notes: RevokeNotes;
  onClose: () => void;
}

/**
 * The browser's registration of the modules' row-menu dialogs, one lazy chunk per module: a client
 * component cannot receive components from the server's registry (lib/modules/index.ts), so a module
 * whose `userRow.menu` opens dialogs adds its line here too.
 */
export const moduleRowDialogs: Readonly<Record<string, () => Promise<{ default: ComponentType<ModuleRowDialogProps> }>>> = {
  admin: () => import("@/lib/modules/admin/ui/row-dialogs"),
};
