"use client";
import { inputClass } from "@/components/ui/input";
import { buttonVariants } from "@/components/ui/button";
import { previewRevokeAllAction } from "@/lib/modules/core/actions/preview-revoke-all.action";
import { revokeAllSessionsAction } from "@/lib/modules/core/actions/revoke-all-sessions.action";
import { useId, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { usePreview } from "../ui/use-preview";
import { plural, revokeResultText } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";
import { PreviewBody } from "../ui/preview-body";

const PHRASE = "REVOKE ALL";

/** After an incident: every session but the acting admin's ends. Typed confirmation, as the server requires. */
export function RevokeEveryone({ notes }: { notes: RevokeNotes }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "destructive", size: "xs" })} onClick={() => setOpen(true)}>
        Revoke everyone
      </button>
      {open ? <RevokeEveryoneDialog notes={notes} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RevokeEveryoneDialog({ notes, onClose }: { notes: RevokeNotes; onClose: () => void }) {
  const notify = useNotify();
  const id = useId();
  const [typed, setTyped] = useState("");
  const preview = usePreview(() => previewRevokeAllAction());
  return (
    <ConfirmDialog
      title="Sign everyone out"
      confirmLabel="Revoke every session"
      pendingLabel="Revoking…"
      ready={typed === PHRASE && preview.kind === "ready"}
      // Only reachable once typed === PHRASE and the preview is ready (see ready); its scopeToken binds the confirmation to it.
      run={() => revokeAllSessionsAction({ confirm: PHRASE, scopeToken: preview.kind === "ready" ? preview.data.scopeToken : undefined })}
      onDone={(r) => {
        notify(revokeResultText(r));
        onClose();
      }}
      onClose={onClose}
    >
      <PreviewBody preview={preview} loading="Counting live sessions…">
        {(data) => (
        <p className="preview-count text-[15px]">
          <strong>{plural(data.sessions, "session")}</strong> of <strong>{plural(data.users, "user")}</strong> end now, staff included. Only your own sessions are kept.
        </p>
      )}
      </PreviewBody>
      <RevokeNotice notes={notes} />
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <label htmlFor={id}>
          Type <strong>{PHRASE}</strong> to confirm
        </label>
        <input id={id} className={inputClass} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
