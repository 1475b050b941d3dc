"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useNotify } from "@/components/ui/notice";
import { disableTwoFactorAction } from "../actions/disable-two-factor.action";

/** "Remove two-factor" (a lost authenticator), so the user can enrol again; confirmed first. */
export function RemoveTwoFactorButton({ userId, email }: { userId: string; email: string }) {
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  return (
    <>
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)}>
        Remove two-factor
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Remove two-factor from ${email}`}
          confirmLabel="Remove two-factor"
          pendingLabel="Removing…"
          run={() => disableTwoFactorAction({ userId })}
          onDone={() => {
            notify("Two-factor removed: the password alone signs the user in, and they can set it up again.");
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        >
          <p className="text-sm">
            Their authenticator secret and backup codes are deleted, as your app&apos;s own “disable two-factor” does. Do this only once you are sure the
            request comes from the account&apos;s owner.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
