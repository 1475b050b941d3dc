"use client";
import { bulkUsersAction } from "@/lib/modules/core/actions/bulk-users.action";
import { previewBulkAction } from "@/lib/modules/core/actions/preview-bulk.action";
import { useState } from "react";
import { BanFields, type BanValues, banInputOf, emptyBan } from "@/components/moderation/ban-fields";
import { bulkResultText, plural, skippedText } from "@/components/moderation/result-text";
import type { RevokeNotes } from "@/components/moderation/revoke-notes";
import { RevokeNotice } from "@/components/moderation/revoke-notice";
import { MemberChecklist, type ChecklistMember } from "@/components/spam/member-checklist";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useNotify } from "@/components/ui/notice";
import { PreviewBody } from "@/components/ui/preview-body";
import { usePreview } from "@/components/ui/use-preview";

interface Props {
  label: string;
  /** every member of the wave, highest score first */
  memberIds: readonly string[];
  /** the members listed with a checkbox (the first ones, up to a cap) */
  checklist: readonly ChecklistMember[];
  /** of the checklist, those under a ban in force (read with the page) */
  alreadyBanned: readonly string[];
  notes: RevokeNotes;
  onClose: () => void;
}

/**
 * "Ban this wave": the bulk ban of the users list, preset for a wave. The preview counts whom it
 * touches (staff and yourself are skipped by the server); the reason is prefilled with the wave so
 * the audit log says why; anyone unticked is left out.
 */
export function WaveBanDialog({ label, memberIds, checklist, alreadyBanned, notes, onClose }: Props) {
  const notify = useNotify();
  // As in BulkDialog: previewed as the ban itself (no reason needed), so members already banned are counted as skipped.
  const preview = usePreview(() => previewBulkAction({ action: "ban", ids: [...memberIds] }));
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [ban, setBan] = useState<BanValues>({ ...emptyBan, reason: `spam wave: ${label}`.slice(0, 500), duration: "permanent" });
  const ids = memberIds.filter((id) => !unticked.has(id));
  // Members already banned are skipped by the server (their bans are kept): unticking one changes nothing.
  const banned = new Set(alreadyBanned);
  const leftOut = [...unticked].filter((id) => !banned.has(id)).length;
  const count = preview.kind === "ready" ? Math.max(0, preview.data.users - leftOut) : 0;
  const input = banInputOf(ban);
  return (
    <ConfirmDialog
      title={`Ban wave ${label}`}
      size="lg"
      confirmLabel={preview.kind === "ready" ? `Ban ${plural(count, "user")}` : "Ban"}
      pendingLabel="Banning…"
      ready={count > 0 && input !== null}
      run={() => bulkUsersAction({ action: "ban", ids, ...(input ?? { reason: "" }) })}
      onDone={(r) => {
        notify(bulkResultText("ban", r));
        onClose();
      }}
      onClose={onClose}
    >
      <PreviewBody preview={preview} loading="Counting the users this would affect…">
        {(data) => (
        <p className="preview-count text-[15px]" data-testid="wave-ban-preview">
          <strong>{plural(count, "user")}</strong> of this wave will be banned.{" "}
          {skippedText(data.skipped) ? <span className="text-muted-foreground">{skippedText(data.skipped)} Only admins act on staff, and nobody on themselves.</span> : null}
        </p>
      )}
      </PreviewBody>
      <MemberChecklist members={checklist} total={memberIds.length} unticked={unticked} onChange={setUnticked} />
      <BanFields values={ban} onChange={setBan} />
      <p>Every session of the banned users ends now.</p>
      <RevokeNotice notes={notes} />
    </ConfirmDialog>
  );
}
