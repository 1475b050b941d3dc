"use client";
import { buttonVariants } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/modules/core/actions/verify-email.action";
import { type ReactNode, useState } from "react";
import { useNotify } from "../ui/notice";
import { useServerCall } from "../ui/use-server-call";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { ChangeRoleDialog } from "./change-role-dialog";
import { DeleteUserDialog } from "./delete-user-dialog";
import { SignOutDialog } from "./user-confirm-dialogs";

/** What the signed-in staff role may do here, decided on the server (the server enforces it too). */
export interface UserPermissions {
  /** some module's row-menu item (lib/modules `userRow.menu`) is this role's */
  moduleMenu: boolean;
  verifyEmail: boolean;
  revokeSessions: boolean;
  setRole: boolean;
  delete: boolean;
}

interface Props {
  user: { id: string; email: string; role: string; emailVerified: boolean };
  activeSessions: number;
  can: UserPermissions;
  notes: RevokeNotes;
  /** the actions modules add (ui.userActions, rendered on the server), first */
  moduleActions?: ReactNode;
}

type Open = "signOut" | "role" | "delete" | null;

/** The user page's actions, each shown only when the role allows it and the user's state calls for it. */
export function UserActions({ user, activeSessions, can, notes, moduleActions }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const notify = useNotify();
  const verify = useServerCall();
  const close = () => setOpen(null);
  const verifyEmail = () => verify.run(() => verifyEmailAction({ userId: user.id }), () => notify("Email marked as verified."));
  return (
    <fieldset className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0" aria-label="User actions">
      {moduleActions}
      {can.revokeSessions ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} onClick={() => setOpen("signOut")}>
          Sign out everywhere
        </button>
      ) : null}
      {/* Not destructive and easy to see afterwards: one click, no dialog. */}
      {can.verifyEmail && !user.emailVerified ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} disabled={verify.pending} onClick={verifyEmail}>
          {verify.pending ? "Marking…" : "Mark email verified"}
        </button>
      ) : null}
      {can.setRole ? (
        <button type="button" className={buttonVariants({ variant: "outline", size: "xs" })} onClick={() => setOpen("role")}>
          Change role
        </button>
      ) : null}
      {can.delete ? (
        <button type="button" className={buttonVariants({ variant: "destructive-outline", size: "xs" })} onClick={() => setOpen("delete")}>
          Delete user
        </button>
      ) : null}
      {verify.error ? (
        <p role="alert" className="flex flex-col items-start gap-2.5 rounded-md border border-l-4 alert-error border-danger-fg/30 border-l-danger-fg bg-danger-bg text-danger-fg basis-full px-2.5 py-1.5">
          {verify.error}
        </p>
      ) : null}

      {open === "signOut" ? <SignOutDialog userId={user.id} email={user.email} activeSessions={activeSessions} notes={notes} onClose={close} /> : null}
      {open === "role" ? <ChangeRoleDialog userId={user.id} email={user.email} role={user.role} onClose={close} /> : null}
      {open === "delete" ? <DeleteUserDialog userId={user.id} email={user.email} notes={notes} onClose={close} /> : null}
    </fieldset>
  );
}
