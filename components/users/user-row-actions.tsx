"use client";
import { MoreHorizontalIcon } from "lucide-react";
import Link from "next/link";
import { createContext, lazy, Suspense, use, useState } from "react";
import { verifyEmailAction } from "@/lib/modules/core/actions/verify-email.action";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { Button } from "../ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "../ui/dropdown-menu";
import { useNotify } from "../ui/notice";
import { useServerCall } from "../ui/use-server-call";
import type { UserDialog } from "./user-action-dialog";
import type { UserPermissions } from "./user-actions";
import type { UserListItem } from "./user-list-item";

/** What the signed-in role may do to a listed user, from the server; null hides the menu column. */
export interface RowActionOptions {
  can: UserPermissions;
  notes: RevokeNotes;
}
export const UserRowActionsContext = createContext<RowActionOptions | null>(null);

type Open = UserDialog | null;
const UserActionDialog = lazy(() => import("./user-action-dialog"));

/**
 * A row's "⋯" menu: the user page's actions, each only when the role may take it and the user's
 * state calls for it. Destructive ones open the same confirmation dialogs as on the user page
 * (the server checks the permission again); the dialog lives outside the menu, which closes first.
 */
export function UserRowActions({ user }: { user: UserListItem }) {
  const options = use(UserRowActionsContext);
  const [open, setOpen] = useState<Open>(null);
  const notify = useNotify();
  const verify = useServerCall();
  if (!options) return null;
  const { can, notes } = options;
  const close = () => setOpen(null);
  const moduleItems = user.menu.filter((i) => !i.destructive);
  const moduleDestructive = user.menu.filter((i) => i.destructive);
  const role = user.roles.join(",");
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for ${user.email}`}>
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-52">
          <DropdownMenuLabel className="truncate text-xs text-muted-foreground">{user.email}</DropdownMenuLabel>
          <DropdownMenuItem asChild>
            <Link href={`/users/${encodeURIComponent(user.id)}`}>Open</Link>
          </DropdownMenuItem>
          {can.verifyEmail && !user.emailVerified ? (
            <DropdownMenuItem disabled={verify.pending} onSelect={() => verify.run(() => verifyEmailAction({ userId: user.id }), () => notify(`${user.email}: email marked as verified.`))}>
              Mark email verified
            </DropdownMenuItem>
          ) : null}
          {can.setRole ? <DropdownMenuItem onSelect={() => setOpen("role")}>Change role…</DropdownMenuItem> : null}
          {moduleItems.map((i) => (
            <DropdownMenuItem key={`${i.module}.${i.dialog}`} onSelect={() => setOpen({ module: i.module, dialog: i.dialog })}>
              {i.label}
            </DropdownMenuItem>
          ))}
          {can.revokeSessions || moduleDestructive.length || can.delete ? <DropdownMenuSeparator /> : null}
          {can.revokeSessions ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setOpen("signOut")}>
              Sign out everywhere…
            </DropdownMenuItem>
          ) : null}
          {moduleDestructive.map((i) => (
            <DropdownMenuItem key={`${i.module}.${i.dialog}`} variant="destructive" onSelect={() => setOpen({ module: i.module, dialog: i.dialog })}>
              {i.label}
            </DropdownMenuItem>
          ))}
          {can.delete ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setOpen("delete")}>
              Delete user…
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {verify.error ? (
        <p role="alert" className="mt-1 max-w-48 text-xs text-destructive">
          {verify.error}
        </p>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <UserActionDialog dialog={open} user={{ id: user.id, email: user.email, role }} notes={notes} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
