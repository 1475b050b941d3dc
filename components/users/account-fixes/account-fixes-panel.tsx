"use client";
import { unlinkAccountAction } from "@/lib/modules/core/actions/unlink-account.action";
import { type ReactNode, useState } from "react";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useNotify } from "../../ui/notice";
import { EditUserDialog, type EditableUser } from "./edit-user-dialog";
import { Card, CardTitle } from "@/components/ui/card";
import { mutedClass, rowClass } from "./styles";

export interface AccountFixPermissions {
  edit: boolean;
  unlink: boolean;
}

interface Props {
  user: EditableUser;
  /** sign-in methods (never tokens) */
  accounts: readonly { id: string; providerId: string }[];
  can: AccountFixPermissions;
  /** the controls modules add (ui.accountFixes, rendered on the server), beside "Edit profile" */
  moduleFixes?: ReactNode;
}

type Open = { kind: "edit" } | { kind: "unlink"; account: { id: string; providerId: string } } | null;

const providerName = (p: string) => (p === "credential" ? "Password" : p.charAt(0).toUpperCase() + p.slice(1));

/**
 * "Account fixes": edit the profile, remove a sign-in method (never the last: the server counts
 * under a lock, the button only says so up front), and what modules add (their own controls, ui.accountFixes).
 */
export function AccountFixesPanel({ user, accounts, can, moduleFixes }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const notify = useNotify();
  const close = () => setOpen(null);
  const last = accounts.length <= 1;
  return (
    <Card aria-labelledby="account-fixes-title">
      <CardTitle id="account-fixes-title">
        Account fixes
      </CardTitle>
      <div className={rowClass}>
        {can.edit ? (
          <Button type="button" variant="outline" size="sm" onClick={() => setOpen({ kind: "edit" })}>
            Edit profile
          </Button>
        ) : null}
        {moduleFixes}
      </div>
      {can.unlink && accounts.length ? (
        <ul className="flex flex-col gap-2" aria-label="Sign-in methods">
          {accounts.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2 text-sm">
              <span>{providerName(a.providerId)}</span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                disabled={last}
                title={last ? "The last way to sign in cannot be removed: send a password reset instead." : undefined}
                onClick={() => setOpen({ kind: "unlink", account: a })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {can.unlink && last ? <p className={mutedClass}>One sign-in method left: it cannot be removed.</p> : null}

      {open?.kind === "edit" ? <EditUserDialog user={user} onClose={close} /> : null}
      {open?.kind === "unlink" ? (
        <ConfirmDialog
          title={`Remove ${providerName(open.account.providerId)} from ${user.email}`}
          confirmLabel="Remove sign-in method"
          pendingLabel="Removing…"
          run={() => unlinkAccountAction({ userId: user.id, accountId: open.account.id })}
          onDone={(r) => {
            notify(`${providerName(r.providerId)} removed; ${r.remaining} way${r.remaining === 1 ? "" : "s"} to sign in left.`);
            close();
          }}
          onClose={close}
        >
          <p className="text-sm">
            {open.account.providerId === "credential"
              ? "The password stops working. The user can set a new one with a password reset."
              : "The user can no longer sign in with this provider until they link it again."}
          </p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
