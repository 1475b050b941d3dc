"use client";
import { buttonVariants } from "@/components/ui/button";
import { previewRevokeFilterAction } from "@/lib/modules/core/actions/preview-revoke-filter.action";
import { revokeFilteredSessionsAction } from "@/lib/modules/core/actions/revoke-filtered-sessions.action";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { usePreview } from "../ui/use-preview";
import { plural, revokeResultText } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";
import { SessionSample } from "./session-sample";
import { PreviewBody } from "../ui/preview-body";

interface Props {
  /** the URL's session filters, as strings: exactly what the table shows */
  filter: Record<string, string>;
  notes: RevokeNotes;
  /** admins also end other staff's sessions; the preview counts what this role would end */
  isAdmin: boolean;
}

/** "Revoke all matching": the preview (sessions, users, a sample), then one confirmation. */
export function RevokeMatching({ filter, notes, isAdmin }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonVariants({ variant: "destructive-outline", size: "xs" })} onClick={() => setOpen(true)}>
        Revoke all matching
      </button>
      {open ? <RevokeMatchingDialog filter={filter} notes={notes} isAdmin={isAdmin} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function RevokeMatchingDialog({ filter, notes, isAdmin, onClose }: Props & { onClose: () => void }) {
  const notify = useNotify();
  const preview = usePreview(() => previewRevokeFilterAction({ filter }));
  const sessions = preview.kind === "ready" ? preview.data.sessions : 0;
  return (
    <ConfirmDialog
      title="Revoke all matching sessions"
      size="lg"
      confirmLabel={preview.kind === "ready" ? `Revoke ${plural(sessions, "session")}` : "Revoke"}
      pendingLabel="Revoking…"
      ready={sessions > 0}
      // Only reachable once the preview is ready (sessions > 0): its scopeToken binds the confirmation to it.
      run={() => revokeFilteredSessionsAction({ filter, scopeToken: preview.kind === "ready" ? preview.data.scopeToken : undefined })}
      onDone={(r) => {
        notify(revokeResultText(r));
        onClose();
      }}
      onClose={onClose}
    >
      <PreviewBody preview={preview} loading="Counting the sessions this would end…">
        {(data) => (
        <>
          <p className="preview-count text-[15px]" data-testid="revoke-preview">
            This ends <strong>{plural(data.sessions, "session")}</strong> of <strong>{plural(data.users, "user")}</strong>.
          </p>
          <p className="text-muted-foreground">
            Your own sessions are never included{isAdmin ? "" : ", nor those of other staff (only admins can end them)"}. The users can sign in again unless a ban is in force.
          </p>
          <SessionSample sample={data.sample} total={data.sessions} />
        </>
      )}
      </PreviewBody>
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}
