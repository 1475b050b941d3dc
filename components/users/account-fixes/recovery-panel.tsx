"use client";
import { sendPasswordResetAction } from "@/lib/modules/core/actions/send-password-reset.action";
import { sendVerificationEmailAction } from "@/lib/modules/core/actions/send-verification-email.action";
import { useState } from "react";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { useNotify } from "../../ui/notice";
import { Card, CardTitle } from "@/components/ui/card";
import { mutedClass, rowClass } from "./styles";

interface Props {
  user: { id: string; email: string; emailVerified: boolean };
  /** APP_AUTH_URL is set: the app's own Better Auth sends the emails */
  configured: boolean;
}

type Open = "reset" | "verify" | null;

/**
 * "Recovery": the app's own Better Auth sends the password-reset or verification email, with its
 * templates and links. Without APP_AUTH_URL the buttons stay visible but disabled, with the reason.
 */
export function RecoveryPanel({ user, configured }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const notify = useNotify();
  const close = () => setOpen(null);
  const why = configured ? undefined : "Set APP_AUTH_URL to your app's Better Auth handler to send recovery emails.";
  return (
    <Card aria-labelledby="recovery-title">
      <CardTitle id="recovery-title">
        Recovery
      </CardTitle>
      <p className={mutedClass}>
        {configured
          ? `Your app sends these emails to ${user.email}, with its own templates and links. The dashboard sends no mail itself.`
          : "Recovery emails are off: APP_AUTH_URL (your app's Better Auth handler, e.g. https://app.example.com/api/auth) is not set. The dashboard sends no mail itself; it asks your app to."}
      </p>
      <div className={rowClass}>
        <Button type="button" variant="outline" size="sm" disabled={!configured} title={why} onClick={() => setOpen("reset")}>
          Send password reset
        </Button>
        {user.emailVerified ? null : (
          <Button type="button" variant="outline" size="sm" disabled={!configured} title={why} onClick={() => setOpen("verify")}>
            Resend verification email
          </Button>
        )}
      </div>
      {open === "reset" ? (
        <ConfirmDialog
          title={`Send a password reset to ${user.email}`}
          confirmLabel="Send reset email"
          pendingLabel="Asking your app…"
          tone="primary"
          run={() => sendPasswordResetAction({ userId: user.id })}
          onDone={(r) => {
            notify(`Your app accepted the request (HTTP ${r.app.status}): a reset link is on its way to ${r.email}.`);
            close();
          }}
          onClose={close}
        >
          <p className="text-sm">Your app emails a link to choose a new password. The current password keeps working until it is changed.</p>
        </ConfirmDialog>
      ) : null}
      {open === "verify" ? (
        <ConfirmDialog
          title={`Resend the verification email to ${user.email}`}
          confirmLabel="Send verification email"
          pendingLabel="Asking your app…"
          tone="primary"
          run={() => sendVerificationEmailAction({ userId: user.id })}
          onDone={(r) => {
            notify(`Your app sent the verification email to ${r.email} (HTTP ${r.app.status}).`);
            close();
          }}
          onClose={close}
        >
          <p className="text-sm">Your app emails a new verification link; the address counts as verified once the user opens it.</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
