"use client";
import { bulkUsersAction } from "@/lib/modules/core/actions/bulk-users.action";
import { previewBulkAction } from "@/lib/modules/core/actions/preview-bulk.action";
import type { BulkActionView } from "@/lib/modules/client-types";
import type { BulkActionName } from "@/lib/moderation/schemas";
import { lazy, Suspense, useMemo, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";
import { usePreview } from "../ui/use-preview";
import { bulkActionView } from "../moderation/bulk-action-views";
import { bulkResultText, plural, skippedText } from "../moderation/result-text";
import type { RevokeNotes } from "../moderation/revoke-notes";
import { RevokeNotice } from "../moderation/revoke-notice";
import type { BulkTarget } from "./bulk-bar";
import { BulkSample } from "./bulk-sample";
import { PreviewBody } from "../ui/preview-body";

interface Props {
  /** the verb's name: the core's or a module's (components/moderation/bulk-action-views.ts) */
  action: string;
  /** fixed while the dialog is open: the preview describes exactly this selection */
  target: BulkTarget;
  notes: RevokeNotes;
  onDone: () => void;
  onClose: () => void;
}

/**
 * Preview first (how many users, who is skipped, a sample), then confirm. With ticked rows, sample
 * members can still be unticked here; a filter selection is taken as a whole. The shell of every
 * verb: its words, and any inputs of its own (a ban's reason), come from the verb's view.
 */
export function BulkDialog({ action: name, target, notes, onDone, onClose }: Props) {
  const action = bulkActionView(name);
  if (!action) throw new Error(`no bulk verb "${name}" in the client entries`);
  return <VerbDialog action={action} target={target} notes={notes} onDone={onDone} onClose={onClose} />;
}

function VerbDialog({ action, target, notes, onDone, onClose }: Omit<Props, "action"> & { action: BulkActionView }) {
  const notify = useNotify();
  const name = action.action as BulkActionName;
  // The preview needs none of the verb's own inputs (typed below). It is taken for this very action:
  // a verb may skip users (a ban skips bans in force), and the scopeToken it returns is valid only
  // for this action and selection.
  const preview = usePreview(() => previewBulkAction({ action: name, ...target }));
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  // The verb's own inputs, reported by its fields (null while incomplete); none for a verb without.
  const [input, setInput] = useState<Readonly<Record<string, unknown>> | null>(action.fields ? null : {});
  const load = action.fields;
  const Fields = useMemo(() => (load ? lazy(load) : null), [load]);
  const toggle = (id: string, on: boolean) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  const count = preview.kind === "ready" ? preview.data.users - unticked.size : 0;
  // A filter selection is confirmed with its preview's scopeToken: the server refuses it if the
  // selection changed since (ids need none: they are the selection).
  const scopeToken = preview.kind === "ready" ? preview.data.scopeToken : undefined;
  const selection = "ids" in target ? { ids: target.ids.filter((id) => !unticked.has(id)) } : { filter: target.filter, scopeToken };
  return (
    <ConfirmDialog
      title={action.title}
      size="lg"
      tone={action.tone}
      confirmLabel={preview.kind === "ready" ? `${action.verb} ${plural(count, "user")}` : action.verb}
      pendingLabel="Working…"
      ready={count > 0 && input !== null}
      run={() => bulkUsersAction({ ...input, action: name, ...selection })}
      onDone={(r) => {
        notify(bulkResultText(name, r));
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
      {Fields ? (
        <Suspense fallback={null}>
          <Fields onInput={setInput} />
        </Suspense>
      ) : null}
      {action.endsSessions ? <RevokeNotice notes={notes} /> : null}
    </ConfirmDialog>
  );
}
