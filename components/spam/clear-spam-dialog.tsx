"use client";
import { inputClass } from "@/components/ui/input";
import { clearSpamAction } from "@/lib/spam/clear-spam.action";
import { unclearSpamAction } from "@/lib/spam/unclear-spam.action";
import { useId, useState } from "react";
import { toast } from "sonner";
import { plural } from "../moderation/result-text";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useNotify } from "../ui/notice";

interface Props {
  userIds: readonly string[];
  /** who, in the title: an email, or "wave promo1 … promo40@x.top" */
  subject: string;
  onClose: () => void;
}

/**
 * "Not spam": the accounts leave the review queue (the decision is the audit record). Confirmed, with
 * an optional reason that the next moderator reads in the audit log; the toast that follows offers
 * Undo (spam.unclear, audited too), and the user page offers it later.
 */
export function ClearSpamDialog({ userIds, subject, onClose }: Props) {
  const notify = useNotify();
  const id = useId();
  const [reason, setReason] = useState("");
  const n = userIds.length;
  return (
    <ConfirmDialog
      title={`Not spam: ${subject}`}
      tone="primary"
      confirmLabel={n === 1 ? "Mark as not spam" : `Mark ${plural(n, "account")} as not spam`}
      pendingLabel="Saving…"
      run={() => clearSpamAction({ userIds: [...userIds], reason: reason.trim() || undefined })}
      onDone={(r) => {
        notify(`${plural(r.usersCleared, "account")} marked as not spam; ${r.usersCleared === 1 ? "it leaves" : "they leave"} the review queue.`);
        const ids = [...userIds];
        toast(`Not spam: ${subject}`, {
          action: {
            label: "Undo",
            onClick: async () => {
              const undo = await unclearSpamAction({ userIds: ids });
              if (undo.ok) notify(`${plural(undo.data.usersRestored, "account")} back in the review queue.`);
              else toast.error(`Undo failed: ${undo.error.message}`);
            },
          },
        });
        onClose();
      }}
      onClose={onClose}
    >
      <p>
        {n === 1 ? "This account leaves" : `These ${plural(n, "account")} leave`} the review queue and {n === 1 ? "is" : "are"} not flagged again until
        the decision is undone. Nothing else changes: no ban is lifted, no session ends.
      </p>
      <div className="flex min-w-0 flex-col gap-1 [&>label]:text-xs [&>label]:font-medium [&>label]:text-muted-foreground [&>span]:text-xs [&>span]:font-medium [&>span]:text-muted-foreground">
        <label htmlFor={id}>Note (optional, kept in the audit log)</label>
        <input id={id} className={inputClass} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
