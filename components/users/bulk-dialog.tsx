"use client";
import { bulkUsersAction } from "@/lib/modules/core/actions/bulk-users.action";
import { previewBulkAction } from "@/lib/modules/core/actions/preview-bulk.action";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { usePreview } from "../ui/use-preview";
import { BanFields, banInputOf, emptyBan } from "../moderation/ban-fields";
import { bulkResultText, plural, skippedText } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";
import type { BulkTarget } from "./bulk-bar";
import { BulkSample } from "./bulk-sample";
import { PreviewBody } from "../ui/preview-body";

export type BulkAction = "ban" | "unban" | "revokeSessions";
const titles = { ban: "Ban users", unban: "Unban users", revokeSessions: "Sign users out" } as const;
const verbs = { ban: "Ban", unban: "Unban", revokeSessions: "Sign out" } as const;

interface Props {
  action: BulkAction;
  /** fixed while the dialog is open: the preview describes exactly this selection */
  target: BulkTarget;
  notes: RevokeNotes;
  onDone: () => void;
  onClose: () => void;
}

/**
 * Preview first (how many users, who is skipped, a sample), then confirm. With ticked rows, sample
 * members can still be unticked here; a filter selection is taken as a whole.
 */
export function BulkDialog({ action, target, notes, onDone, onClose }: Props) {
  const notify = useNotify();
  // The preview needs no ban reason (typed below). It is taken for this very action: a ban skips
  // users whose ban is in force, and the scopeToken it returns is valid only for this action and selection.
  const preview = usePreview(() => previewBulkAction({ action, ...target }));
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [ban, setBan] = useState(emptyBan);
  const toggle = (id: string, on: boolean) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const count = preview.kind === "ready" ? preview.data.users - unticked.size : 0;
  const banInput = action === "ban" ? banInputOf(ban) : null;
  // A filter selection is confirmed with its preview's scopeToken: the server refuses it if the
  // selection changed since (ids need none: they are the selection).
  const scopeToken = preview.kind === "ready" ? preview.data.scopeToken : undefined;
  const selection = "ids" in target ? { ids: target.ids.filter((id) => !unticked.has(id)) } : { filter: target.filter, scopeToken };
  return (
    <ConfirmDialog
      title={titles[action]}
      size="lg"
      tone={action === "unban" ? "primary" : "danger"}
      confirmLabel={preview.kind === "ready" ? `${verbs[action]} ${plural(count, "user")}` : verbs[action]}
      pendingLabel="Working…"
      ready={count > 0 && (action !== "ban" || banInput !== null)}
      run={() => bulkUsersAction({ action, ...selection, ...(banInput ?? {}) })}
      onDone={(r) => {
        notify(bulkResultText(action, r));
        onDone();
        onClose();
      }}
      onClose={onClose}
    >
      <PreviewBody preview={preview} loading="Counting the users this would affect…">
        {(data) => (
        <>
          <p className="preview-count text-[15px]">
            <strong>{plural(count, "user")}</strong> {"filter" in target ? "match the current filters" : "selected"}.{" "}
            {skippedText(data.skipped) ? (
              <span className="text-muted-foreground">{skippedText(data.skipped)} Only admins act on staff, and nobody on themselves.</span>
            ) : null}
          </p>
          <BulkSample preview={data} unticked={"ids" in target ? unticked : null} onToggle={toggle} />
        </>
      )}
      </PreviewBody>
      {action === "ban" ? <BanFields values={ban} onChange={setBan} /> : null}
      {action === "ban" ? <p>Every session of the banned users ends now.</p> : null}
      {action !== "unban" ? <RevokeNotice notes={notes} /> : null}
    </ConfirmDialog>
  );
}
