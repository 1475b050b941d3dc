import type { ComponentType } from "react";
import type { RevokeNotes } from "@/components/moderation/revoke-notes";
import type { RowBadge } from "./types";

/**
 * A module's client entry (`lib/modules/<id>/client.ts`): what the browser needs of the module that
 * the server's registry cannot hand it (client components cannot receive components or functions
 * from a server component). Data and lazy chunks only, so the entries cost a page next to nothing
 * until a dialog opens. `lib/modules/client-registry.ts` collects them; it is generated from the
 * module folders (`npm run modules:client`), so a module adds its client side by its own file.
 */
export interface ModuleClient {
  /** the module's id, as registered in lib/modules/index.ts */
  id: string;
  /** the dialogs its users-list row-menu items open (`userRow.menu[].dialog`), one lazy chunk */
  rowDialogs?: () => Promise<{ default: ComponentType<ModuleRowDialogProps> }>;
  /** the verbs it adds to the users list's bulk action (the server's side: lib/actions/bulk-verbs.ts) */
  bulkActions?: readonly BulkActionView[];
  /** words for the users a verb of this module leaves alone, by the verb's `skip.key` */
  skipped?: Readonly<Record<string, (n: number) => string>>;
  /** badges on a bulk preview's sample member, from the fields its verbs' `sample` adds */
  sampleBadges?: (member: Readonly<Record<string, unknown>>) => RowBadge[];
}

/** What a module's row-menu dialog is given (lib/modules/types.ts RowMenuEntry names it by `dialog`). */
export interface ModuleRowDialogProps {
  dialog: string;
  user: { id: string; email: string; role: string };
  notes: RevokeNotes;
  onClose: () => void;
}

/**
 * One verb of the users list's bulk action as the browser shows it: its button, its confirmation
 * dialog and the sentence reporting what it did. The core's "Sign out" is one too
 * (components/moderation/bulk-action-views.ts); the dialog itself is the core's shell.
 */
export interface BulkActionView {
  /** the verb the action takes (`action` of POST /api/v1/users/bulk) */
  action: string;
  /** the bulk bar's button and its look */
  label: string;
  button: "destructive-outline" | "outline";
  /** the dialog's title ("Ban users"), its confirm verb ("Ban 3 users") and tone */
  title: string;
  verb: string;
  tone: "danger" | "primary";
  /** the result's past tense: "Signed out" (3 users) */
  done: string;
  /** the result counts the users selected rather than the users changed */
  countsSelected?: boolean;
  /** the verb ends the users' sessions: "; N sessions revoked" and the note on what that ends */
  endsSessions: boolean;
  /**
   * The dialog's own inputs and notes (a ban's reason and length), lazily loaded. It reports the
   * input it adds to the action, null while incomplete (the dialog cannot be confirmed then).
   */
  fields?: () => Promise<{ default: ComponentType<BulkFieldsProps> }>;
}

export interface BulkFieldsProps {
  /** a stable setter (the dialog's state): called with the input's fields, or null while incomplete */
  onInput: (input: Readonly<Record<string, unknown>> | null) => void;
}
