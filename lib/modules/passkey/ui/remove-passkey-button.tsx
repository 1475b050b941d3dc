"use client";
import { removePasskeyAction } from "../actions/remove-passkey.action";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useNotify } from "@/components/ui/notice";

/**
 * "Remove" for one passkey row of the passkey panel (./passkeys-panel.tsx). The
 * server refuses the user's last way to sign in.
 */
export function RemovePasskeyButton({ userId, email, passkey }: { userId: string; email: string; passkey: { id: string; name: string | null } }) {
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const label = passkey.name || "this passkey";
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Remove
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Remove ${label} from ${email}`}
          confirmLabel="Remove passkey"
          pendingLabel="Removing…"
          run={() => removePasskeyAction({ userId, passkeyId: passkey.id })}
          onDone={() => {
            notify(`Passkey removed.`);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        >
          <p className="text-sm">The device holding this passkey can no longer sign the user in.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
