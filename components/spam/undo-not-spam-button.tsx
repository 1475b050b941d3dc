"use client";
import { unclearSpamAction } from "@/lib/spam/unclear-spam.action";
import { useState } from "react";
import { Button } from "../ui/button";
import { useNotify } from "../ui/notice";

/**
 * Undoes "not spam" for one account (the user page): no confirmation, since it only puts the
 * account back in front of a moderator; audited as spam.unclear.
 */
export function UndoNotSpamButton({ userId, email }: { userId: string; email: string }) {
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="sm"
      variant="outline"
      aria-label={`Undo not spam: ${email}`}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        const r = await unclearSpamAction({ userIds: [userId] });
        setPending(false);
        notify(r.ok ? "Back in the review queue: the account is flagged again." : `Undo failed: ${r.error.message}`, { tone: r.ok ? "success" : "error" });
      }}
    >
      {pending ? "Undoing…" : "Undo “not spam”"}
    </Button>
  );
}
